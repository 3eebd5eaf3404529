//! Money assertions: decimal strings, the balance equation and the reconciliation check that
//! every money test runs after every step.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::Value;

use super::TestApp;
use super::client::expect_status;

/// Parses a literal in the test code.
pub fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|e| panic!("bad decimal literal {s:?}: {e}"))
}

/// A money value from a response: must be a decimal string with exactly two decimals.
#[track_caller]
pub fn money(v: &Value) -> Decimal {
    let s = v
        .as_str()
        .unwrap_or_else(|| panic!("money must be a decimal string, got {v}"));
    let decimals = s.split_once('.').map_or(0, |(_, d)| d.len());
    assert_eq!(
        decimals, 2,
        "money must have exactly two decimals, got {s:?}"
    );
    Decimal::from_str(s).unwrap_or_else(|e| panic!("money {s:?} does not parse: {e}"))
}

/// A signed decimal string (ledger delta or quantity), any scale.
#[track_caller]
pub fn decimal(v: &Value) -> Decimal {
    let s = v
        .as_str()
        .unwrap_or_else(|| panic!("expected a decimal string, got {v}"));
    Decimal::from_str(s).unwrap_or_else(|e| panic!("decimal {s:?} does not parse: {e}"))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Balance {
    pub granted: Decimal,
    pub available: Decimal,
    pub reserved: Decimal,
    pub spent: Decimal,
    pub expired: Decimal,
}

impl Balance {
    /// Expected figures: granted, available, reserved, spent (nothing expired).
    pub fn of(granted: &str, available: &str, reserved: &str, spent: &str) -> Balance {
        Balance {
            granted: dec(granted),
            available: dec(available),
            reserved: dec(reserved),
            spent: dec(spent),
            expired: Decimal::ZERO,
        }
    }

    /// The same with what expired.
    pub fn with_expired(self, expired: &str) -> Balance {
        Balance {
            expired: dec(expired),
            ..self
        }
    }

    #[track_caller]
    pub fn from_json(v: &Value) -> Balance {
        let field = |k: &str| -> Decimal {
            let value = v
                .get(k)
                .unwrap_or_else(|| panic!("balance lacks `{k}`: {v}"));
            money(value)
        };
        let balance = Balance {
            granted: field("granted"),
            available: field("available"),
            reserved: field("reserved"),
            spent: field("spent"),
            expired: field("expired"),
        };
        balance.assert_equation(&v.to_string());
        balance
    }

    #[track_caller]
    pub fn assert_equation(&self, context: &str) {
        assert_eq!(
            self.granted,
            self.available + self.reserved + self.spent + self.expired,
            "granted != available + reserved + spent + expired in {context}"
        );
        for (name, value) in [
            ("available", self.available),
            ("reserved", self.reserved),
            ("spent", self.spent),
            ("expired", self.expired),
        ] {
            assert!(value >= Decimal::ZERO, "{name} is negative in {context}");
        }
    }
}

impl TestApp {
    /// Fetches every ledger entry of an allocation (all pages), oldest first.
    pub async fn ledger(&self, token: &str, allocation_id: &str) -> Vec<Value> {
        let mut entries = Vec::new();
        for page in 1..=1000 {
            let reply = self
                .get(
                    &format!("/api/v1/allocations/{allocation_id}/ledger?page={page}&per_page=100"),
                    token,
                )
                .await;
            let body = expect_status(&reply, 200, "read ledger");
            let items = body["items"]
                .as_array()
                .unwrap_or_else(|| panic!("ledger lacks items: {body}"));
            let total = body["total"]
                .as_u64()
                .unwrap_or_else(|| panic!("ledger lacks total: {body}"));
            entries.extend(items.iter().cloned());
            if items.is_empty() || entries.len() as u64 >= total {
                assert_eq!(
                    entries.len() as u64,
                    total,
                    "ledger pages do not add up to total"
                );
                break;
            }
        }
        entries
    }

    /// Reads the allocation, its ledger and its reconciliation and checks that they agree:
    /// `consistent == true`, the balance equation holds, the cached balance equals the sum of
    /// the ledger entries, and the entries are in order. Returns the balance.
    pub async fn check_books(&self, token: &str, allocation_id: &str) -> Balance {
        let reply = self
            .get(&format!("/api/v1/allocations/{allocation_id}"), token)
            .await;
        let allocation = expect_status(&reply, 200, "read allocation");
        let balance = Balance::from_json(&allocation["balance"]);

        let reply = self
            .get(
                &format!("/api/v1/allocations/{allocation_id}/reconciliation"),
                token,
            )
            .await;
        let recon = expect_status(&reply, 200, "read reconciliation");
        assert_eq!(
            recon["consistent"],
            Value::Bool(true),
            "reconciliation is not consistent: {recon}"
        );
        assert_eq!(
            recon["allocation_id"].as_str(),
            Some(allocation_id),
            "reconciliation of the wrong allocation: {recon}"
        );
        let recon_balance = Balance::from_json(&recon["balance"]);
        let from_entries = Balance::from_json(&recon["from_entries"]);
        assert_eq!(
            recon_balance, balance,
            "reconciliation balance differs from the allocation's"
        );
        assert_eq!(
            from_entries, balance,
            "reconciliation from_entries differs: {recon}"
        );

        let entries = self.ledger(token, allocation_id).await;
        let mut sums = [Decimal::ZERO; 4];
        let mut last_seq: Option<i64> = None;
        for entry in &entries {
            for (sum, key) in sums
                .iter_mut()
                .zip(["available", "reserved", "spent", "expired"])
            {
                *sum += decimal(&entry[key]);
            }
            let seq = entry["seq"]
                .as_i64()
                .unwrap_or_else(|| panic!("entry lacks integer seq: {entry}"));
            if let Some(last) = last_seq {
                assert!(seq > last, "ledger is not oldest first: {last} then {seq}");
            }
            last_seq = Some(seq);
        }
        assert_eq!(
            (sums[0], sums[1], sums[2], sums[3]),
            (
                balance.available,
                balance.reserved,
                balance.spent,
                balance.expired
            ),
            "the ledger entries do not sum to the balance {balance:?}"
        );
        assert_eq!(
            sums[0] + sums[1] + sums[2] + sums[3],
            balance.granted,
            "the ledger entries do not sum to granted"
        );
        balance
    }
}
