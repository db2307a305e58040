//! The diagnostic kinds a crate's sources can emit, found by reading them: every string literal
//! in a kind position, that is the argument of a parameter declared `kind: &'static str`
//! (`Diagnostic::warning(file, line, "unknown-type", …)`, `sink.warn(line, "table-row", …)`, a
//! helper of the same shape) or the value of a struct field declared so (`Note { kind: "…" }`).
//! A kind that is not a literal there must be forwarded as is (`kind`, `note.kind`); anything
//! else is reported, as the registry could not be checked against it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use syn::punctuated::Punctuated;
use syn::visit::Visit;

/// A kind found in the sources, and where.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Found {
    pub kind: String,
    pub file: PathBuf,
}

/// What the scan found: kinds, and kind arguments it cannot read.
#[derive(Debug, Default)]
pub struct Scan {
    pub kinds: BTreeSet<Found>,
    /// `(file, the argument as written)`.
    pub unreadable: Vec<(PathBuf, String)>,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// `&'static str`.
fn is_kind_type(ty: &syn::Type) -> bool {
    let syn::Type::Reference(r) = ty else {
        return false;
    };
    r.lifetime.as_ref().is_some_and(|l| l.ident == "static")
        && r.mutability.is_none()
        && matches!(&*r.elem, syn::Type::Path(p) if p.path.is_ident("str"))
}

/// Functions with a `kind: &'static str` parameter: (called as a method, name) → its index
/// among the arguments written at a call.
type KindParams = BTreeMap<(bool, String), usize>;

/// Collects the functions and struct fields that take a kind.
#[derive(Default)]
struct Declarations {
    params: KindParams,
}

impl Declarations {
    fn signature(&mut self, sig: &syn::Signature) {
        let method = sig.receiver().is_some();
        let mut index = 0;
        for input in &sig.inputs {
            let syn::FnArg::Typed(arg) = input else {
                continue;
            };
            let named_kind = matches!(&*arg.pat, syn::Pat::Ident(p) if p.ident == "kind");
            if named_kind && is_kind_type(&arg.ty) {
                self.params.insert((method, sig.ident.to_string()), index);
            }
            index += 1;
        }
    }
}

impl<'ast> Visit<'ast> for Declarations {
    fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
        self.signature(&f.sig);
        syn::visit::visit_item_fn(self, f);
    }

    fn visit_impl_item_fn(&mut self, f: &'ast syn::ImplItemFn) {
        self.signature(&f.sig);
        syn::visit::visit_impl_item_fn(self, f);
    }
}

/// Collects the kinds passed where a kind is taken.
struct Uses<'d> {
    params: &'d KindParams,
    file: PathBuf,
    scan: &'d mut Scan,
}

impl Uses<'_> {
    fn argument(&mut self, arg: &syn::Expr) {
        match arg {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) => {
                self.scan.kinds.insert(Found {
                    kind: s.value(),
                    file: self.file.clone(),
                });
            }
            // Forwarded as it came: `kind`, `note.kind`.
            syn::Expr::Path(p) if p.path.is_ident("kind") => {}
            syn::Expr::Field(f) if matches!(&f.member, syn::Member::Named(n) if n == "kind") => {}
            other => {
                let written = quote::ToTokens::to_token_stream(other).to_string();
                self.scan.unreadable.push((self.file.clone(), written));
            }
        }
    }
}

impl<'ast> Visit<'ast> for Uses<'_> {
    fn visit_expr_call(&mut self, call: &'ast syn::ExprCall) {
        if let syn::Expr::Path(p) = &*call.func {
            if let Some(last) = p.path.segments.last() {
                let key = (false, last.ident.to_string());
                if let Some(&i) = self.params.get(&key) {
                    if let Some(arg) = call.args.iter().nth(i) {
                        self.argument(arg);
                    }
                }
            }
        }
        syn::visit::visit_expr_call(self, call);
    }

    fn visit_expr_method_call(&mut self, call: &'ast syn::ExprMethodCall) {
        let key = (true, call.method.to_string());
        if let Some(&i) = self.params.get(&key) {
            if let Some(arg) = call.args.iter().nth(i) {
                self.argument(arg);
            }
        }
        syn::visit::visit_expr_method_call(self, call);
    }

    fn visit_expr_struct(&mut self, s: &'ast syn::ExprStruct) {
        for field in &s.fields {
            if matches!(&field.member, syn::Member::Named(n) if n == "kind") {
                if let syn::Expr::Lit(_) = &field.expr {
                    self.argument(&field.expr);
                }
            }
        }
        syn::visit::visit_expr_struct(self, s);
    }

    /// Macro arguments that read as expressions (`vec![…]`, `matches!(…)`, `assert!(…)`).
    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        let parser = Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated;
        if let Ok(exprs) = m.parse_body_with(parser) {
            for e in &exprs {
                self.visit_expr(e);
            }
        }
    }
}

/// Scans every `.rs` file under `src` (tests included: a kind a test constructs is a kind too).
pub fn scan(src: &Path) -> Result<Scan, String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut parsed = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        let file = syn::parse_file(&text).map_err(|e| format!("{}: {e}", f.display()))?;
        parsed.push((f, file));
    }
    let mut decls = Declarations::default();
    for (_, file) in &parsed {
        decls.visit_file(file);
    }
    let mut scan = Scan::default();
    for (path, file) in &parsed {
        let rel = path.strip_prefix(src).unwrap_or(path).to_path_buf();
        let mut uses = Uses {
            params: &decls.params,
            file: rel,
            scan: &mut scan,
        };
        uses.visit_file(file);
    }
    Ok(scan)
}
