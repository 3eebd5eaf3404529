//! The layout tells the architecture: the HTTP adapters (`routes/` for the API, `web/` for
//! the portal) sit on top and neither imports the other's handlers upwards; the operations
//! modules under them never reach up into either. Read from the source, so a new upward
//! import fails here rather than in review.
use std::{
    collections::{BTreeMap, BTreeSet},
    fs,
    path::{Path, PathBuf},
};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("source dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules each top-level module of `backend/src` names as `crate::x`
/// (in paths or `use crate::{x, …}` groups), comments left out.
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(&root).expect("under src");
        let top = relative
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .unwrap_or_default()
            .trim_end_matches(".rs")
            .to_owned();
        if top == "main" || top == "lib" {
            continue;
        }
        let text = fs::read_to_string(&file).expect("read source");
        let code: String = text
            .lines()
            .map(|line| line.split("//").next().unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n");
        let mut named = BTreeSet::new();
        for part in code.split("crate::").skip(1) {
            if let Some(rest) = part.strip_prefix('{') {
                // `use crate::{a, b::{c, d}, e}`: the first segment of each top-level item.
                let mut depth = 0;
                let mut item = String::new();
                for c in rest.chars() {
                    match c {
                        '{' => depth += 1,
                        '}' if depth == 0 => break,
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            named.insert(first_segment(&item));
                            item.clear();
                            continue;
                        }
                        _ => {}
                    }
                    item.push(c);
                }
                named.insert(first_segment(&item));
            } else {
                named.insert(first_segment(part));
            }
        }
        named.remove("");
        named.remove(&top);
        graph.entry(top).or_default().extend(named);
    }
    graph
}

fn first_segment(text: &str) -> String {
    text.trim()
        .chars()
        .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
        .collect()
}

#[test]
fn the_api_does_not_depend_on_the_portal() {
    let graph = imports();
    let routes = graph.get("routes").cloned().unwrap_or_default();
    assert!(
        !routes.contains("web"),
        "routes/ imports web/: the portal is built on the operations modules, not the other way"
    );
}

#[test]
fn the_portal_never_calls_the_api_handlers() {
    let graph = imports();
    let web = graph.get("web").cloned().unwrap_or_default();
    assert!(
        !web.contains("routes"),
        "web/ imports routes/: pages call the operations modules, as the handlers do"
    );
}

#[test]
fn operations_modules_never_reach_up_into_the_http_adapters() {
    let graph = imports();
    let adapters = ["routes", "web", "app"];
    let mut offenders = Vec::new();
    for (module, named) in &graph {
        if adapters.contains(&module.as_str()) {
            continue;
        }
        for adapter in adapters {
            if named.contains(adapter) {
                offenders.push(format!("{module} -> {adapter}"));
            }
        }
    }
    assert!(offenders.is_empty(), "upward imports: {offenders:?}");
}

/// The groups of top-level modules that import each other, directly or round a circle
/// (Tarjan's strongly connected components of more than one module).
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        next: usize,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        found: Vec<Vec<String>>,
    }
    fn visit<'a>(w: &mut Walk<'a>, v: &'a str) {
        w.index.insert(v, w.next);
        w.low.insert(v, w.next);
        w.next += 1;
        w.stack.push(v);
        let graph = w.graph;
        for u in graph.get(v).into_iter().flatten() {
            let u = u.as_str();
            if !graph.contains_key(u) {
                continue;
            }
            if !w.index.contains_key(u) {
                visit(w, u);
                let low = w.low[v].min(w.low[u]);
                w.low.insert(v, low);
            } else if w.stack.contains(&u) {
                let low = w.low[v].min(w.index[u]);
                w.low.insert(v, low);
            }
        }
        if w.low[v] == w.index[v] {
            let mut group = Vec::new();
            while let Some(u) = w.stack.pop() {
                group.push(u.to_owned());
                if u == v {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                w.found.push(group);
            }
        }
    }
    let mut walk = Walk {
        graph,
        next: 0,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !walk.index.contains_key(v.as_str()) {
            visit(&mut walk, v);
        }
    }
    walk.found
}

#[test]
fn the_top_level_modules_import_each_other_in_one_direction_only() {
    let found = cycles(&imports());
    assert!(
        found.is_empty(),
        "modules that import each other (round a circle): {found:?}"
    );
}

#[test]
fn a_cycle_is_found_when_there_is_one() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a", "d"]),
        ("d", vec![]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.into_iter().map(str::to_owned).collect()))
    .collect();
    assert_eq!(cycles(&graph), vec![vec!["a", "b", "c"]]);
}

/// The README's "How the code is laid out" says where each rule lives; a top-level module
/// it does not name is a part of the program a newcomer cannot find from it.
#[test]
fn the_readme_layout_names_every_top_level_module() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = fs::read_to_string(root.join("../README.md")).expect("README.md");
    let layout = readme
        .split("## How the code is laid out")
        .nth(1)
        .and_then(|rest| rest.split("\n#").next())
        .expect("a layout section");
    let mut missing = Vec::new();
    for entry in fs::read_dir(root.join("src"))
        .expect("backend/src")
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        let named = if entry.path().is_dir() {
            format!("{name}/")
        } else {
            name
        };
        if !layout.contains(&named) {
            missing.push(named);
        }
    }
    missing.sort();
    assert!(
        missing.is_empty(),
        "not in the README's layout: {missing:?}"
    );
}

/// The fields of each `Model` in `text` whose type is a bare UUID (`Uuid` or
/// `Option<Uuid>`, however the path is written), as `(field, type)`, and how many fields
/// the models have in all.
fn bare_uuid_fields(text: &str) -> (Vec<(String, String)>, usize) {
    let mut bare = Vec::new();
    let mut fields = 0;
    let mut in_model = false;
    for line in text.lines() {
        let line = line.split("//").next().unwrap_or_default().trim();
        if line.starts_with("pub struct Model") {
            in_model = true;
            continue;
        }
        if !in_model {
            continue;
        }
        if line.starts_with('}') {
            in_model = false;
            continue;
        }
        let Some((name, ty)) = line
            .strip_prefix("pub ")
            .and_then(|field| field.split_once(':'))
        else {
            continue;
        };
        fields += 1;
        let ty: String = ty.chars().filter(|c| !c.is_whitespace()).collect();
        let ty = ty.trim_end_matches(',');
        let inner = ty
            .strip_prefix("Option<")
            .and_then(|t| t.strip_suffix('>'))
            .unwrap_or(ty);
        if inner.rsplit("::").next() == Some("Uuid") {
            bare.push((name.trim().to_owned(), ty.to_owned()));
        }
    }
    (bare, fields)
}

#[test]
fn the_bare_uuid_check_finds_a_bare_field() {
    let text = "pub struct Model {\n    #[sea_orm(primary_key)]\n    pub id: Uuid,\n    \
                pub client_id: ClientId,\n    pub other: Option<uuid::Uuid>, // why\n}\n\
                pub struct Other {\n    pub not_a_column: Uuid,\n}\n";
    let (bare, fields) = bare_uuid_fields(text);
    assert_eq!(fields, 3);
    assert_eq!(
        bare,
        vec![
            ("id".to_owned(), "Uuid".to_owned()),
            ("other".to_owned(), "Option<uuid::Uuid>".to_owned()),
        ]
    );
}

/// Every entity holds typed ids (`domain/ids.rs`), so an allocation id cannot be stored
/// where a commitment id belongs. The outbox's subject is the one exception: it names rows
/// of several kinds, and its topic says which.
#[test]
fn no_entity_holds_a_bare_uuid() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/db/entities");
    let mut files = Vec::new();
    sources(&dir, &mut files);
    files.sort();
    let mut offenders = Vec::new();
    let mut fields = 0;
    for file in &files {
        let entity = file
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        let (bare, count) = bare_uuid_fields(&fs::read_to_string(file).expect("read entity"));
        fields += count;
        offenders.extend(
            bare.into_iter()
                .filter(|(name, _)| !(entity == "outbox_entry" && name == "subject_id"))
                .map(|(name, ty)| format!("{entity}.{name}: {ty}")),
        );
    }
    // The reading itself works: the entities have hundreds of fields between them.
    assert!(fields > 200, "read only {fields} entity fields");
    assert!(
        offenders.is_empty(),
        "entity fields that are bare UUIDs instead of typed ids: {offenders:?}"
    );
}
