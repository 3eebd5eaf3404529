//! Hardening (#14): security headers, CSV cells that cannot run, bank-detail changes told
//! and flagged, every read of client data audited, control characters refused, CSRF on
//! every form.
mod bank_details;
mod control_chars;
mod csrf;
mod csv_cells;
mod headers;
mod reads;
