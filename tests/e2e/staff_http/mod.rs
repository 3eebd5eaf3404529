//! Post-redirect-get over the whole portal (issue #16 item 8): every form a signed-in
//! person can reach is submitted once as the browser would, and each success answers
//! 303 to a page that answers 200, so refreshing a page never repeats an act. The forms
//! are found by walking the links of each role's pages (demo data), not listed by hand,
//! so a new form is covered when it appears.
mod forms;
mod walk;
