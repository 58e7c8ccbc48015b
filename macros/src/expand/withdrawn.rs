//! What stands under each name a revision withdrew, so that every use of it in a
//! downstream crate fails `cargo check`, saying what happened.

use oqs_messages_table::{Withdrawal, WithdrawnEntry};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::Ident;

use super::layout::{handler_method, Layout};

/// The type of a withdrawn name's shadow, whose name says it wherever the compiler shows
/// it: `InsurerCheckRequired_code_017_withdrawn_in_table_1_26_last_listed_in_1_25`, or
/// `Id8100000D_of_code_017_withdrawn_in_table_1_26_last_listed_in_1_25`.
pub fn marker(gone: &Withdrawal, name: &Ident) -> Ident {
    let (what, code) = match &gone.entry {
        WithdrawnEntry::Code { number, .. } => ("code", number),
        WithdrawnEntry::Id { code, .. } => ("of_code", code),
    };
    format_ident!(
        "{}_{}_{}_withdrawn_in_table_{}_last_listed_in_{}",
        name,
        what,
        code.to_string(),
        gone.removed_in.as_str().replace('.', "_"),
        gone.last_version.as_str().replace('.', "_"),
        span = name.span()
    )
}

/// What stands under each withdrawn name, so that every use of it in a downstream crate
/// fails `cargo check` and says what happened. `Code::InsurerCheckRequired` and
/// `MessageId::Id8100000D` are constants of an impl whose bound no type meets: the marker
/// type whose name says the entry was withdrawn, and when, implementing a trait that
/// nothing implements. Naming one anywhere (an expression, a pattern, an argument) is then
/// "the variant or associated item exists, but its trait bounds were not satisfied",
/// with that bound as the note. `CodeHandler` keeps the withdrawn code's method, with a
/// default body and a parameter of an uninhabited type no other crate can name, so that
/// an implementation of it has the wrong number of parameters and deleting it is the
/// only fix.
pub fn withdrawn_shadows(l: &Layout<'_>) -> TokenStream {
    if l.input.withdrawals.is_empty() {
        return TokenStream::new();
    }
    let shadow = |enum_name: &str, name: &Ident, marker: &Ident| {
        let enum_name = format_ident!("{}", enum_name);
        quote! {
            #[doc(hidden)]
            impl<'a> #enum_name
            where
                __withdrawn::#marker<'a>: __withdrawn::ListedInThisTable,
            {
                #[doc(hidden)]
                #[allow(non_upper_case_globals)]
                pub const #name: __withdrawn::#marker<'a> = __withdrawn::#marker(::core::marker::PhantomData);
            }
        }
    };
    let mut markers = Vec::new();
    let mut method_markers = Vec::new();
    let mut shadows = Vec::new();
    for (gone, name) in l.input.withdrawn_names() {
        let marker = marker(gone, name);
        markers.push(marker.clone());
        match gone.entry {
            WithdrawnEntry::Code { .. } => {
                method_markers.push(marker.clone());
                shadows.push(shadow("Code", name, &marker));
            }
            WithdrawnEntry::Id { .. } => shadows.push(shadow("MessageId", name, &marker)),
        }
    }
    quote! {
        /// The withdrawn names' shadows.
        #[doc(hidden)]
        pub mod __withdrawn {
            /// Implemented by no type: the bound of every withdrawn name's shadow.
            pub trait ListedInThisTable {}

            #(
                #[allow(non_camel_case_types)]
                pub struct #markers<'a>(pub(crate) ::core::marker::PhantomData<&'a ()>);
            )*

            /// The parameters of the withdrawn codes' handler methods: uninhabited, and
            /// named nowhere outside this crate.
            pub(crate) mod delete_this_method {
                #(
                    #[allow(non_camel_case_types)]
                    pub enum #method_markers {}
                )*
            }
        }

        #(#shadows)*
    }
}

/// The withdrawn codes' handler methods, each with a default body and a parameter no other
/// crate can name: an implementation written for an older table stops compiling there
/// ("expected 2 parameters"), the note showing the parameter's type, which says the code
/// was withdrawn and that the method is to be deleted.
pub fn withdrawn_handler_methods(l: &Layout<'_>) -> Vec<TokenStream> {
    l.input
        .withdrawn_names()
        .filter(|(gone, _)| matches!(gone.entry, WithdrawnEntry::Code { .. }))
        .map(|(gone, name)| {
            let marker = marker(gone, name);
            let method = handler_method(name);
            quote! {
                #[doc(hidden)]
                fn #method(&mut self, withdrawn: __withdrawn::delete_this_method::#marker) -> Self::Output {
                    match withdrawn {}
                }
            }
        })
        .collect()
}
