//! Reading a delivery file: its text encoding (UTF-8 with or without BOM, else
//! Windows-1252, as Excel saves in Finland), its separator (`;` or `,`, from the header
//! line), which column is which (Finnish, Swedish or English names), and its rows. A file
//! that cannot be read as such is refused as a whole with a 422 naming `file`.
use crate::error::{AppError, AppResult};

use super::values::RawRow;

/// More rows than this in one file are refused: split the file.
pub const MAX_ROWS: usize = 100_000;

/// The columns, each with the header names accepted for it (compared without case,
/// spaces, hyphens or underscores).
const COLUMNS: [(&str, &[&str]); 5] = [
    (
        "commitment",
        &[
            "commitment",
            "commitmentid",
            "sitoumus",
            "maksusitoumus",
            "sitoumustunnus",
            "tilaus",
            "order",
            "förbindelse",
            "betalningsförbindelse",
            "beställning",
        ],
    ),
    (
        "date",
        &[
            "date",
            "deliverydate",
            "päivämäärä",
            "päivä",
            "pvm",
            "datum",
        ],
    ),
    (
        "quantity",
        &["quantity", "määrä", "lukumäärä", "mängd", "antal"],
    ),
    (
        "unit_price",
        &[
            "unitprice",
            "price",
            "yksikköhinta",
            "ahinta",
            "hinta",
            "enhetspris",
            "styckpris",
            "pris",
        ],
    ),
    (
        "reference",
        &[
            "reference",
            "ref",
            "viite",
            "omaviite",
            "tunniste",
            "referens",
        ],
    ),
];

/// The column names of the template, in order.
pub fn column_names() -> [&'static str; 5] {
    COLUMNS.map(|(name, _)| name)
}

fn file_error(code: &'static str, message: impl std::fmt::Display) -> AppError {
    AppError::invalid("file", message).with_code(code)
}

/// The file's text: UTF-8 (a BOM is dropped), else Windows-1252. Text that no spreadsheet
/// writes (NUL, other control characters, UTF-16) is refused as not a CSV file.
pub fn decode(bytes: &[u8]) -> AppResult<String> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(file_error(
            "bad_encoding",
            "is UTF-16; save it as CSV in UTF-8 or Windows-1252 (\"CSV (semicolon separated)\")",
        ));
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    };
    let binary = text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n'));
    if binary {
        return Err(file_error(
            "not_csv",
            "is not a CSV text file (it contains control characters); save it as CSV",
        ));
    }
    Ok(text)
}

/// `;` or `,`, whichever the header line has more of (`;` when tied: Finnish Excel's own).
pub fn separator(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let count = |c: char| header.matches(c).count();
    if count(',') > count(';') { b',' } else { b';' }
}

fn normalise(name: &str) -> String {
    name.trim()
        .trim_start_matches('\u{feff}')
        .to_lowercase()
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '.' | '\u{a0}'))
        .collect()
}

/// Which position in the row each column has; other columns are ignored.
fn map_header(header: &csv::StringRecord) -> AppResult<[usize; 5]> {
    let mut found: [Option<usize>; 5] = [None; 5];
    for (position, name) in header.iter().enumerate() {
        let name = normalise(name);
        let Some(column) = COLUMNS
            .iter()
            .position(|(_, aliases)| aliases.contains(&name.as_str()))
        else {
            continue;
        };
        if found[column].is_some() {
            return Err(file_error(
                "duplicate_column",
                format!("has the column {} twice", COLUMNS[column].0),
            ));
        }
        found[column] = Some(position);
    }
    let missing: Vec<&str> = COLUMNS
        .iter()
        .zip(found)
        .filter(|(_, f)| f.is_none())
        .map(|((name, _), _)| *name)
        .collect();
    if !missing.is_empty() {
        return Err(file_error(
            "missing_columns",
            format!(
                "lacks the column(s) {}; the first line must name the columns {}",
                missing.join(", "),
                column_names().join(", ")
            ),
        ));
    }
    Ok(found.map(|f| f.unwrap_or_default()))
}

/// The rows of a delivery file, after its header; lines with nothing in them are skipped.
pub fn rows(bytes: &[u8]) -> AppResult<Vec<RawRow>> {
    let text = decode(bytes)?;
    if text.trim().is_empty() {
        return Err(file_error("empty_file", "is empty"));
    }
    // One kind of line end, so that the reader's line numbers are the ones people see
    // (it counts a CRLF file's lines one short).
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(&text))
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| file_error("not_csv", format!("has an unreadable first line: {e}")))?
        .clone();
    let positions = map_header(&header)?;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| file_error("not_csv", format!("cannot be read: {e}")))?;
        if record.iter().all(str::is_empty) {
            continue;
        }
        if rows.len() == MAX_ROWS {
            return Err(file_error(
                "too_many_rows",
                format!("has more than {MAX_ROWS} rows; split it into smaller files"),
            ));
        }
        let cell = |column: usize| record.get(positions[column]).map(str::to_owned);
        rows.push(RawRow {
            line: record.position().map_or(0, |p| p.line()),
            commitment: cell(0),
            date: cell(1),
            quantity: cell(2),
            unit_price: cell(3),
            reference: cell(4),
        });
    }
    if rows.is_empty() {
        return Err(file_error(
            "empty_file",
            "has no rows under its header line",
        ));
    }
    Ok(rows)
}

/// The downloadable template: the header and one example row.
pub fn template() -> String {
    format!(
        "{}\r\n{};2026-11-22;1,5;45,00;ERP-2026-0001\r\n",
        column_names().join(";"),
        "00000000-0000-0000-0000-000000000000"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(bytes: &[u8]) -> String {
        match rows(bytes) {
            Ok(rows) => format!("{} rows", rows.len()),
            Err(e) => e.code.to_owned(),
        }
    }

    #[test]
    fn windows_1252_with_commas_and_finnish_headers_is_read() {
        let text = "Sitoumus,Päivämäärä,Määrä,Yksikköhinta,Viite\r\nc,1.11.2026,\"1,5\",\"45,00\",Jää-1\r\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        let Ok(rows) = rows(&bytes) else {
            panic!("readable")
        };
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].reference.as_deref(), Some("Jää-1"));
        assert_eq!(rows[0].quantity.as_deref(), Some("1,5"));
        assert_eq!(rows[0].line, 2);
    }

    #[test]
    fn a_bom_and_semicolons_and_extra_columns_are_fine() {
        let text = "\u{feff}note;reference;unit price;quantity;date;commitment\nx;R1;45;1;2026-11-01;c\n;;;;;\n";
        let Ok(rows) = rows(text.as_bytes()) else {
            panic!("readable")
        };
        assert_eq!(rows.len(), 1, "the empty line is skipped");
        assert_eq!(rows[0].commitment.as_deref(), Some("c"));
        assert_eq!(rows[0].unit_price.as_deref(), Some("45"));
    }

    #[test]
    fn files_that_are_not_delivery_csv_are_refused_as_a_whole() {
        assert_eq!(codes(b""), "empty_file");
        assert_eq!(
            codes(b"commitment;date;quantity;unit_price;reference\n"),
            "empty_file"
        );
        assert_eq!(
            codes(b"commitment;date;quantity\nc;d;q\n"),
            "missing_columns"
        );
        assert_eq!(codes(b"\x00\x01\x02\xff\xfe\x89PNG"), "not_csv");
        assert_eq!(codes(b"\xff\xfec\x00o\x00"), "bad_encoding");
        assert_eq!(
            codes(b"date;date;commitment;quantity;unit_price;reference\n"),
            "duplicate_column"
        );
        let Err(e) = rows(b"commitment;date;quantity\n") else {
            panic!("refused")
        };
        assert!(e.message.contains("unit_price, reference"), "{}", e.message);
    }

    #[test]
    fn the_template_reads_back() {
        let Ok(rows) = rows(template().as_bytes()) else {
            panic!("readable")
        };
        assert_eq!(rows.len(), 1);
    }
}
