//! Pages anyone may open: the front page, search, offerings, providers, comparison,
//! signing in and choosing the language.
pub mod compare;
pub mod coverage_view;
pub mod home;
pub mod language;
pub mod offering;
pub mod oidc;
pub mod provider;
pub mod report;
pub mod search;
pub mod search_filters;
pub mod search_form;
pub mod signin;
