//! Mutations of real docs for fuzzing: truncation, deleted, duplicated and swapped lines,
//! random bytes, huge cells. Shared by the proptest run in CI and the large `fuzz` command.

/// One change to a document.
#[derive(Debug, Clone)]
pub enum Mutation {
    Truncate(usize),
    DeleteLine(usize),
    DuplicateLine(usize),
    InsertBytes(usize, Vec<u8>),
    HugeCell(usize, usize),
    SwapLines(usize, usize),
}

/// Applies one mutation; positions wrap around the document's length.
pub fn apply(text: &str, m: &Mutation) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let n = lines.len().max(1);
    match m {
        Mutation::Truncate(at) => {
            let mut cut = at % (text.len() + 1);
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            return text[..cut].to_string();
        }
        Mutation::DeleteLine(i) if !lines.is_empty() => {
            lines.remove(i % n);
        }
        Mutation::DuplicateLine(i) if !lines.is_empty() => {
            let l = lines[i % n].clone();
            lines.insert(i % n, l);
        }
        Mutation::InsertBytes(i, bytes) => {
            let junk = String::from_utf8_lossy(bytes).into_owned();
            lines.insert(i % (lines.len() + 1), junk);
        }
        Mutation::HugeCell(i, size) if !lines.is_empty() => {
            let idx = i % n;
            let filler = "长|x\\|**a**、".repeat(size / 8 + 1);
            lines[idx] = format!("{}{}", lines[idx], filler);
        }
        Mutation::SwapLines(a, b) if !lines.is_empty() => lines.swap(a % n, b % n),
        _ => {}
    }
    lines.join("\n")
}

/// A small deterministic generator (xorshift64*), so a run is reproducible from its seed.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A random mutation, with the same mix of kinds as the proptest strategy.
    pub fn mutation(&mut self) -> Mutation {
        let at = self.next_u64() as usize;
        match self.below(6) {
            0 => Mutation::Truncate(at),
            1 => Mutation::DeleteLine(at),
            2 => Mutation::DuplicateLine(at),
            3 => {
                let len = 1 + self.below(39);
                let bytes = (0..len).map(|_| self.next_u64() as u8).collect();
                Mutation::InsertBytes(at, bytes)
            }
            4 => Mutation::HugeCell(at, 100 + self.below(19_900)),
            _ => Mutation::SwapLines(at, self.next_u64() as usize),
        }
    }
}
