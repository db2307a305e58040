//! The crate's `SERVICE`: the product, API version, endpoint table and rule its client resolves
//! a region through (`aliyun_runtime::endpoint::Service`), from the settled
//! [`crate::model::Service`].

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use crate::emit::docs;
use crate::model::{EndpointRule, Network, Service};

/// `pub static SERVICE: ::aliyun_runtime::endpoint::Service = …;`
pub fn service_static(service: &Service) -> TokenStream {
    let product = Literal::string(&service.product);
    let version = Literal::string(&service.version);
    let rule = match &service.rule {
        EndpointRule::Regional { prefix } => {
            let prefix = Literal::string(prefix);
            quote!(::aliyun_runtime::endpoint::EndpointRule::Regional { prefix: #prefix })
        }
        EndpointRule::Central { host } => {
            let host = Literal::string(host);
            quote!(::aliyun_runtime::endpoint::EndpointRule::Central { host: #host })
        }
        EndpointRule::TableOnly => quote!(::aliyun_runtime::endpoint::EndpointRule::TableOnly),
        // What the runtime guesses for a product known by its code only.
        EndpointRule::Guess => {
            let prefix = Literal::string(&service.product.to_ascii_lowercase());
            quote!(::aliyun_runtime::endpoint::EndpointRule::Regional { prefix: #prefix })
        }
    };
    let rows = service.endpoints.iter().map(|e| {
        let (region, host) = (Literal::string(&e.region), Literal::string(&e.host));
        let network = match e.network {
            Network::Public => quote!(::aliyun_runtime::endpoint::Network::Public),
            Network::Vpc => quote!(::aliyun_runtime::endpoint::Network::Vpc),
        };
        quote!(::aliyun_runtime::endpoint::RegionEndpoint::new(#region, #network, #host))
    });
    let mut text = format!(
        "The product this crate calls (`{}`, API version `{}`) and where: a client resolves its region through {}. An explicit endpoint (`Client::builder().endpoint(…)`) always wins.",
        or_unknown(&service.product),
        or_unknown(&service.version),
        crate::service::describe_rule(service)
    );
    for sentence in crate::service::unknowns(service) {
        text.push(' ');
        text.push_str(&sentence);
    }
    let doc = docs::Doc::outer(text);
    quote! {
        #doc
        pub static SERVICE: ::aliyun_runtime::endpoint::Service = ::aliyun_runtime::endpoint::Service {
            product: #product,
            version: #version,
            rule: #rule,
            endpoints: &[#(#rows),*],
        };
    }
}

fn or_unknown(s: &str) -> &str {
    if s.is_empty() {
        "unknown"
    } else {
        s
    }
}
