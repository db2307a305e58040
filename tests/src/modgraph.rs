//! The module import graph of a crate's sources, outside `#[cfg(test)]`, and its cycles.
//!
//! A module depends on another when its code names it: a `use` of `crate::…`, `super::…`,
//! `self::…` or a child module, or such a path written inline (in types, expressions, patterns,
//! and the arguments of macros other than `quote!`, whose bodies are generated code). A path is
//! resolved to the deepest module it names, following `use` re-exports (`crate::Thing` re-exported
//! at the root from `error` is a dependency on `error`). Declaring a child (`mod x;`) is not a
//! dependency, and neither is any other tie of a module to its own descendants: a parent
//! declares, re-exports and drives its children (the `mod.rs` idiom), so only ties that go up
//! the tree or across it can close a cycle. Items under `#[cfg(test)]` (test modules, test
//! helpers) are left out: tests may reach anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};
use syn::visit::Visit;

/// A module's path below the crate root (`[]` is the root, `["emit", "api"]` is `emit::api`).
pub type ModPath = Vec<String>;

/// `crate`, `crate::emit::api`.
pub fn display(m: &[String]) -> String {
    std::iter::once("crate")
        .chain(m.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join("::")
}

/// The modules of a crate and which depends on which.
#[derive(Debug, Default)]
pub struct Graph {
    pub modules: BTreeSet<ModPath>,
    /// `from → to → a path written in `from` that makes the tie (for messages)`.
    pub edges: BTreeMap<ModPath, BTreeMap<ModPath, String>>,
}

/// What one module's code holds, before resolution.
#[derive(Debug, Default)]
struct Scope {
    /// Paths written in the module (as written, `use` trees expanded).
    paths: Vec<Vec<String>>,
    /// Names a `use` brings into the module: name → path as written.
    imports: BTreeMap<String, Vec<String>>,
}

/// Whether attributes hold `#[cfg(test)]` (or a `cfg` that needs `test`, such as
/// `all(test, unix)`; `not(test)` does not count).
fn test_only(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| {
        if !a.path().is_ident("cfg") {
            return false;
        }
        let Ok(list) = a.meta.require_list() else {
            return false;
        };
        let text = list.tokens.to_string();
        let words: Vec<&str> = text
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .collect();
        words.contains(&"test") && !words.contains(&"not")
    })
}

fn item_attrs(item: &syn::Item) -> &[syn::Attribute] {
    use syn::Item::*;
    match item {
        Const(i) => &i.attrs,
        Enum(i) => &i.attrs,
        ExternCrate(i) => &i.attrs,
        Fn(i) => &i.attrs,
        ForeignMod(i) => &i.attrs,
        Impl(i) => &i.attrs,
        Macro(i) => &i.attrs,
        Mod(i) => &i.attrs,
        Static(i) => &i.attrs,
        Struct(i) => &i.attrs,
        Trait(i) => &i.attrs,
        TraitAlias(i) => &i.attrs,
        Type(i) => &i.attrs,
        Union(i) => &i.attrs,
        Use(i) => &i.attrs,
        _ => &[],
    }
}

/// Expands a `use` tree into full paths (as written) and the names it binds.
fn use_paths(
    tree: &syn::UseTree,
    prefix: &mut Vec<String>,
    out: &mut Vec<(Vec<String>, Option<String>)>,
) {
    match tree {
        syn::UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            use_paths(&p.tree, prefix, out);
            prefix.pop();
        }
        syn::UseTree::Name(n) if n.ident == "self" => {
            out.push((prefix.clone(), prefix.last().cloned()));
        }
        syn::UseTree::Name(n) => {
            let mut path = prefix.clone();
            path.push(n.ident.to_string());
            out.push((path, Some(n.ident.to_string())));
        }
        syn::UseTree::Rename(r) => {
            let mut path = prefix.clone();
            if r.ident != "self" {
                path.push(r.ident.to_string());
            }
            out.push((path, Some(r.rename.to_string())));
        }
        syn::UseTree::Glob(_) => out.push((prefix.clone(), None)),
        syn::UseTree::Group(g) => {
            for t in &g.items {
                use_paths(t, prefix, out);
            }
        }
    }
}

/// Paths in a macro's tokens: `crate`, `super` or `self`, or any identifier, followed by `::`.
fn macro_paths(tokens: TokenStream, out: &mut Vec<Vec<String>>) {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut i = 0;
    while i < trees.len() {
        if let TokenTree::Group(g) = &trees[i] {
            macro_paths(g.stream(), out);
            i += 1;
            continue;
        }
        let TokenTree::Ident(first) = &trees[i] else {
            i += 1;
            continue;
        };
        let mut path = vec![first.to_string()];
        let mut j = i + 1;
        while let (
            Some(TokenTree::Punct(a)),
            Some(TokenTree::Punct(b)),
            Some(TokenTree::Ident(id)),
        ) = (trees.get(j), trees.get(j + 1), trees.get(j + 2))
        {
            if a.as_char() != ':' || b.as_char() != ':' {
                break;
            }
            path.push(id.to_string());
            j += 3;
        }
        if path.len() > 1 {
            out.push(path);
        }
        i = j.max(i + 1);
    }
}

/// Collects one file's modules: paths and imports per (inline) module, and the children
/// declared by `mod x;`.
struct Collector {
    /// The module being read.
    at: ModPath,
    scopes: BTreeMap<ModPath, Scope>,
    /// Children declared without a body: (parent, name).
    declared: Vec<(ModPath, String)>,
}

impl Collector {
    fn scope(&mut self) -> &mut Scope {
        self.scopes.entry(self.at.clone()).or_default()
    }
}

impl<'ast> Visit<'ast> for Collector {
    fn visit_item(&mut self, item: &'ast syn::Item) {
        if test_only(item_attrs(item)) {
            return;
        }
        syn::visit::visit_item(self, item);
    }

    fn visit_impl_item(&mut self, item: &'ast syn::ImplItem) {
        let attrs = match item {
            syn::ImplItem::Fn(f) => &f.attrs,
            syn::ImplItem::Const(c) => &c.attrs,
            syn::ImplItem::Type(t) => &t.attrs,
            _ => return syn::visit::visit_impl_item(self, item),
        };
        if !test_only(attrs) {
            syn::visit::visit_impl_item(self, item);
        }
    }

    fn visit_item_mod(&mut self, m: &'ast syn::ItemMod) {
        let name = m.ident.to_string();
        match &m.content {
            None => self.declared.push((self.at.clone(), name)),
            Some((_, items)) => {
                self.at.push(name);
                self.scope();
                for item in items {
                    self.visit_item(item);
                }
                self.at.pop();
            }
        }
    }

    fn visit_item_use(&mut self, u: &'ast syn::ItemUse) {
        let mut found = Vec::new();
        use_paths(&u.tree, &mut Vec::new(), &mut found);
        let scope = self.scope();
        for (path, name) in found {
            if let Some(name) = name {
                scope.imports.insert(name, path.clone());
            }
            scope.paths.push(path);
        }
    }

    fn visit_path(&mut self, p: &'ast syn::Path) {
        let path: Vec<String> = p.segments.iter().map(|s| s.ident.to_string()).collect();
        if path.len() > 1 && p.leading_colon.is_none() {
            self.scope().paths.push(path);
        }
        syn::visit::visit_path(self, p);
    }

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        let name = m.path.segments.last().map(|s| s.ident.to_string());
        if !matches!(
            name.as_deref(),
            Some("quote" | "quote_spanned" | "format_ident" | "parse_quote")
        ) {
            let mut paths = Vec::new();
            macro_paths(m.tokens.clone(), &mut paths);
            self.scope().paths.extend(paths);
        }
        syn::visit::visit_macro(self, m);
    }
}

/// The file of child `name` declared in module file `file`, inside the inline modules
/// `inline` (`a.rs` → `a/name.rs` or `a/name/mod.rs`; `mod.rs`, `lib.rs`, `main.rs` → a
/// sibling).
fn child_file(file: &Path, inline: &[String], name: &str) -> Option<PathBuf> {
    let stem = file.file_stem()?.to_str()?;
    let dir = file.parent()?;
    let mut base = match stem {
        "mod" | "lib" | "main" => dir.to_path_buf(),
        _ => dir.join(stem),
    };
    for m in inline {
        base.push(m);
    }
    [
        base.join(format!("{name}.rs")),
        base.join(name).join("mod.rs"),
    ]
    .into_iter()
    .find(|p| p.is_file())
}

/// The import graph of the crate whose root file is `root` (`src/lib.rs`).
pub fn graph(root: &Path) -> Result<Graph, String> {
    let mut scopes: BTreeMap<ModPath, Scope> = BTreeMap::new();
    let mut files = vec![(root.to_path_buf(), ModPath::new())];
    while let Some((file, at)) = files.pop() {
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let parsed = syn::parse_file(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        let mut c = Collector {
            at: at.clone(),
            scopes: BTreeMap::new(),
            declared: Vec::new(),
        };
        c.scope();
        c.visit_file(&parsed);
        for (parent, name) in c.declared {
            let child = child_file(&file, &parent[at.len()..], &name)
                .ok_or_else(|| format!("{}: no file for `mod {name}`", file.display()))?;
            let mut path = parent.clone();
            path.push(name);
            files.push((child, path));
        }
        scopes.extend(c.scopes);
    }
    let modules: BTreeSet<ModPath> = scopes.keys().cloned().collect();
    let mut graph = Graph {
        modules: modules.clone(),
        edges: BTreeMap::new(),
    };
    for (at, scope) in &scopes {
        for written in &scope.paths {
            let Some(target) = resolve(&scopes, &modules, at, written) else {
                continue;
            };
            // A module's ties to its own children (and theirs) do not count: a parent declares,
            // re-exports and drives its children, the `mod.rs` idiom. Ties up and across do.
            if !target.starts_with(at) {
                graph
                    .edges
                    .entry(at.clone())
                    .or_default()
                    .entry(target)
                    .or_insert_with(|| written.join("::"));
            }
        }
    }
    Ok(graph)
}

/// The module a path written in module `at` depends on; `None` for a path outside the crate
/// (`std::…`, another crate) or a local name.
fn resolve(
    scopes: &BTreeMap<ModPath, Scope>,
    modules: &BTreeSet<ModPath>,
    at: &ModPath,
    written: &[String],
) -> Option<ModPath> {
    let full = absolute(scopes, modules, at, written, 0)?;
    Some(deepest_module(scopes, modules, &full, 0))
}

/// How many `use`s a path may go through before it is given up (a `use` cannot name itself,
/// but a malformed tree should not loop).
const MAX_HOPS: usize = 8;

/// A path written in module `at` as a path from the crate root; `None` when it does not start
/// in this crate.
fn absolute(
    scopes: &BTreeMap<ModPath, Scope>,
    modules: &BTreeSet<ModPath>,
    at: &ModPath,
    written: &[String],
    hops: usize,
) -> Option<Vec<String>> {
    let (first, mut rest) = written.split_first()?;
    let mut base: ModPath = match first.as_str() {
        "crate" => ModPath::new(),
        "self" => at.clone(),
        "super" => at[..at.len().checked_sub(1)?].to_vec(),
        name => {
            let mut child = at.clone();
            child.push(name.to_string());
            let imported = scopes.get(at).and_then(|s| s.imports.get(name));
            match imported {
                _ if modules.contains(&child) => child,
                // A name a `use` brought in (`use super::items;` then `items::request::…`).
                Some(path) if hops < MAX_HOPS && path.len() > 1 => {
                    absolute(scopes, modules, at, path, hops + 1)?
                }
                _ => return None,
            }
        }
    };
    while rest.first().is_some_and(|s| s == "super") {
        base.pop();
        rest = &rest[1..];
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

/// The deepest module an absolute path names, following a `use` that brings the item after it
/// into that module from elsewhere (a re-export).
fn deepest_module(
    scopes: &BTreeMap<ModPath, Scope>,
    modules: &BTreeSet<ModPath>,
    full: &[String],
    hops: usize,
) -> ModPath {
    let mut module = ModPath::new();
    for (i, seg) in full.iter().enumerate() {
        let mut next = module.clone();
        next.push(seg.clone());
        if modules.contains(&next) {
            module = next;
            continue;
        }
        let imported = scopes.get(&module).and_then(|s| s.imports.get(seg));
        if let (Some(path), true) = (imported, hops < MAX_HOPS) {
            if let Some(mut source) = absolute(scopes, modules, &module, path, hops + 1) {
                source.extend(full[i + 1..].iter().cloned());
                return deepest_module(scopes, modules, &source, hops + 1);
            }
        }
        break;
    }
    module
}

/// Groups of modules that depend on each other in a ring (strongly connected components of
/// more than one module), each as one cycle through its first module, with the paths that make
/// each tie.
pub fn cycles(graph: &Graph) -> Vec<Vec<(ModPath, String)>> {
    let mut out = Vec::new();
    for component in strongly_connected(graph) {
        if component.len() < 2 {
            continue;
        }
        let start = component.iter().min().cloned().unwrap_or_default();
        out.push(cycle_through(graph, &component, &start));
    }
    out
}

/// Tarjan's algorithm, iteratively over the sorted modules (so the output is deterministic).
fn strongly_connected(graph: &Graph) -> Vec<BTreeSet<ModPath>> {
    let nodes: Vec<&ModPath> = graph.modules.iter().collect();
    let index_of: BTreeMap<&ModPath, usize> =
        nodes.iter().enumerate().map(|(i, m)| (*m, i)).collect();
    let succ: Vec<Vec<usize>> = nodes
        .iter()
        .map(|m| {
            graph
                .edges
                .get(*m)
                .map(|e| e.keys().filter_map(|t| index_of.get(t).copied()).collect())
                .unwrap_or_default()
        })
        .collect();
    let n = nodes.len();
    let (mut index, mut low, mut on_stack) = (vec![usize::MAX; n], vec![0; n], vec![false; n]);
    let (mut stack, mut next, mut components) = (Vec::new(), 0, Vec::new());
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        let mut work: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some(&mut (v, ref mut child)) = work.last_mut() {
            if *child == 0 && index[v] == usize::MAX {
                index[v] = next;
                low[v] = next;
                next += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = succ[v].get(*child) {
                *child += 1;
                if index[w] == usize::MAX {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut component = BTreeSet::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component.insert(nodes[w].clone());
                    if w == v {
                        break;
                    }
                }
                components.push(component);
            }
        }
    }
    components
}

/// A shortest cycle from `start` back to it inside `component`: each module with the path
/// that ties it to the next.
fn cycle_through(
    graph: &Graph,
    component: &BTreeSet<ModPath>,
    start: &ModPath,
) -> Vec<(ModPath, String)> {
    let successors = |m: &ModPath| -> Vec<ModPath> {
        graph
            .edges
            .get(m)
            .into_iter()
            .flat_map(|e| e.keys())
            .filter(|n| component.contains(*n))
            .cloned()
            .collect()
    };
    let mut parent: BTreeMap<ModPath, ModPath> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start.clone()]);
    let mut closing = None;
    'search: while let Some(m) = queue.pop_front() {
        for next in successors(&m) {
            if &next == start {
                closing = Some(m);
                break 'search;
            }
            if !parent.contains_key(&next) {
                parent.insert(next.clone(), m.clone());
                queue.push_back(next);
            }
        }
    }
    let mut ring = Vec::new();
    let mut at = closing;
    while let Some(m) = at {
        ring.push(m.clone());
        at = if &m == start {
            None
        } else {
            parent.get(&m).cloned()
        };
    }
    ring.reverse();
    let tie = |from: &ModPath, to: &ModPath| {
        graph
            .edges
            .get(from)
            .and_then(|e| e.get(to))
            .cloned()
            .unwrap_or_default()
    };
    (0..ring.len())
        .map(|i| {
            let next = &ring[(i + 1) % ring.len()];
            (ring[i].clone(), tie(&ring[i], next))
        })
        .collect()
}

/// A cycle as `a → (path) → b → … → a`.
pub fn describe(cycle: &[(ModPath, String)]) -> String {
    let mut out = String::new();
    for (m, tie) in cycle {
        out.push_str(&format!("{} --[{tie}]--> ", display(m)));
    }
    if let Some((first, _)) = cycle.first() {
        out.push_str(&display(first));
    }
    out
}
