//! Purchaser reports that the API and the portal both show, and what waits for each staff
//! role on its start page: demand gaps (`demand_gaps`), overdue recording (`overdue`),
//! the counts of work to do (`to_do`).
pub mod demand_gaps;
pub mod overdue;
pub mod to_do;
