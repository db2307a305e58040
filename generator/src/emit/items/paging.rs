//! The runtime's paging traits for an API that pages ([`crate::emit::plan::paging`]):
//! `aliyun_runtime::paginate::Page` for its response, and `PageNumberRequest` or `TokenRequest`
//! for its request, which the generated `Client`'s paginator method walks.

use proc_macro2::TokenStream;
use quote::quote;

use crate::emit::plan::paging::{planned, planned_path, Paging, Style};
use crate::emit::plan::shape::{Planned, Scalar, Shape};
use crate::naming::ident;

/// The trait impls, or `None` when the plan lacks a field the detection named (a field that
/// could not be named is skipped by the planner).
pub fn page_impls(
    paging: &Paging<'_>,
    request_type: &str,
    response_type: &str,
    request: &[Planned<'_>],
    response: &[Planned<'_>],
) -> Option<TokenStream> {
    let page = response_page_impl(paging, response_type, response)?;
    let request_impl = request_page_impl(paging, request_type, request)?;
    Some(quote! {
        #page
        #request_impl
    })
}

/// `Page` for the response: its items (borrowed and owned, down the path to the list) and its
/// progress (the total count or the next token).
fn response_page_impl(
    paging: &Paging<'_>,
    response_type: &str,
    response: &[Planned<'_>],
) -> Option<TokenStream> {
    let resp = ident(response_type);
    let container = planned_path(response, &paging.container)?;
    let level: &[Planned<'_>] = container.last().map_or(response, |p| &p.children[..]);
    let progress = planned(level, paging.progress)?;
    let items = planned_path(level, &paging.items)?;
    let (list, wrappers) = items.split_last()?;
    let Shape::Vec(item) = &list.shape else {
        return None;
    };
    let item_type = item.tokens();

    // Borrowing down the path: every object member is an `Option`, the list is a `Vec`.
    let objects: Vec<proc_macro2::Ident> = container
        .iter()
        .chain(wrappers)
        .map(|p| ident(&p.ident))
        .collect();
    let list_id = ident(&list.ident);
    let (items_ref, items_owned) = match objects.split_first() {
        None => (quote!(self.#list_id.as_slice()), quote!(self.#list_id)),
        Some((first, rest)) => (
            quote!(self.#first.as_ref()#(.and_then(|v| v.#rest.as_ref()))*.map_or(&[], |v| v.#list_id.as_slice())),
            quote!(self.#first #(.and_then(|v| v.#rest))*.map(|v| v.#list_id).unwrap_or_default()),
        ),
    };
    let container_ids: Vec<proc_macro2::Ident> =
        container.iter().map(|p| ident(&p.ident)).collect();
    let progress_id = ident(&progress.ident);
    let at_level = |tail: TokenStream| match container_ids.split_first() {
        None => quote!(self.#progress_id #tail),
        Some((first, rest)) => {
            quote!(self.#first.as_ref()#(.and_then(|v| v.#rest.as_ref()))*.and_then(|v| v.#progress_id #tail))
        }
    };
    let progress_fn = match paging.style {
        Style::Number => {
            let total = match progress.shape {
                Shape::Scalar(Scalar::String) => {
                    let read = at_level(quote!(.as_deref()));
                    quote!(#read.and_then(|s| s.trim().parse::<u64>().ok()))
                }
                Shape::Scalar(Scalar::I32 | Scalar::I64) => {
                    let read = at_level(quote!());
                    quote!(#read.and_then(|n| u64::try_from(n).ok()))
                }
                _ => return None,
            };
            quote! {
                fn total_count(&self) -> ::std::option::Option<u64> {
                    #total
                }
            }
        }
        Style::Token => {
            let read = at_level(quote!(.as_deref()));
            quote! {
                fn next_token(&self) -> ::std::option::Option<&str> {
                    #read
                }
            }
        }
    };
    let page = quote! {
        impl ::aliyun_runtime::paginate::Page for #resp {
            type Item = #item_type;

            fn items(&self) -> &[Self::Item] {
                #items_ref
            }

            fn into_items(self) -> ::std::vec::Vec<Self::Item> {
                #items_owned
            }

            #progress_fn
        }
    };
    Some(page)
}

/// `PageNumberRequest` or `TokenRequest` for the request: reading and setting its cursor.
fn request_page_impl(
    paging: &Paging<'_>,
    request_type: &str,
    request: &[Planned<'_>],
) -> Option<TokenStream> {
    let req = ident(request_type);
    let cursor = planned(request, paging.cursor)?;
    let cursor_id = ident(&cursor.ident);
    let request_impl = match paging.style {
        Style::Number => {
            let size = planned(request, paging.size?)?;
            let page_number = read_count(cursor)?;
            let page_size = read_count(size)?;
            let set = write_count(cursor, quote!(page))?;
            quote! {
                impl ::aliyun_runtime::paginate::PageNumberRequest for #req {
                    fn page_number(&self) -> ::std::option::Option<u64> {
                        #page_number
                    }

                    fn page_size(&self) -> ::std::option::Option<u64> {
                        #page_size
                    }

                    fn set_page_number(&mut self, page: u64) {
                        #set
                    }
                }
            }
        }
        Style::Token => {
            let value = quote!(token.to_string());
            let set = if cursor.required {
                quote!(self.#cursor_id = #value;)
            } else {
                quote!(self.#cursor_id = ::std::option::Option::Some(#value);)
            };
            quote! {
                impl ::aliyun_runtime::paginate::TokenRequest for #req {
                    fn set_next_token(&mut self, token: &str) {
                        #set
                    }
                }
            }
        }
    };
    Some(request_impl)
}

/// A request's page number or size as `Option<u64>`.
fn read_count(p: &Planned<'_>) -> Option<TokenStream> {
    let id = ident(&p.ident);
    Some(match (&p.shape, p.required) {
        (Shape::Scalar(Scalar::String), false) => {
            quote!(self.#id.as_deref().and_then(|s| s.trim().parse::<u64>().ok()))
        }
        (Shape::Scalar(Scalar::String), true) => quote!(self.#id.trim().parse::<u64>().ok()),
        (Shape::Scalar(Scalar::I32 | Scalar::I64), false) => {
            quote!(self.#id.and_then(|n| u64::try_from(n).ok()))
        }
        (Shape::Scalar(Scalar::I32 | Scalar::I64), true) => quote!(u64::try_from(self.#id).ok()),
        _ => return None,
    })
}

/// Sets a request's page number to `value` (a `u64`), saturating at the field's type.
fn write_count(p: &Planned<'_>, value: TokenStream) -> Option<TokenStream> {
    let id = ident(&p.ident);
    let converted = match &p.shape {
        Shape::Scalar(Scalar::String) => quote!(#value.to_string()),
        Shape::Scalar(s @ (Scalar::I32 | Scalar::I64)) => {
            let t = s.tokens();
            quote!(#t::try_from(#value).unwrap_or(#t::MAX))
        }
        _ => return None,
    };
    Some(if p.required {
        quote!(self.#id = #converted;)
    } else {
        quote!(self.#id = ::std::option::Option::Some(#converted);)
    })
}
