//! The POST forms of a portal page, read from its HTML as a browser would submit them:
//! the action, every named control with its current value (checked boxes and radios,
//! selected options, text areas), and the named submit buttons. The portal's templates
//! are regular enough that a small scanner reads them; it is no general HTML parser.

#[derive(Debug, Clone)]
pub struct Form {
    pub action: String,
    /// Named controls with their values, in page order; unchecked boxes are left out.
    pub fields: Vec<(String, String)>,
    /// Names of controls that are required and empty, as the browser would refuse them.
    pub required_empty: Vec<String>,
    /// Radio groups: name and every value offered.
    pub radios: Vec<(String, Vec<String>)>,
    /// Submit buttons that carry a name and value.
    pub buttons: Vec<(String, String)>,
    /// Check boxes left unticked, by name and value.
    pub unchecked: Vec<(String, String)>,
    /// Text fields that offer suggestions (a `<datalist>`): name and the first one.
    pub suggested: Vec<(String, String)>,
}

/// The value of attribute `name` in the tag text `tag` (`<input name="x" ...>`).
fn attr(tag: &str, name: &str) -> Option<String> {
    let needle = format!(" {name}=\"");
    let start = tag.find(&needle)? + needle.len();
    let end = tag[start..].find('"')? + start;
    Some(unescape(&tag[start..end]))
}

fn has_flag(tag: &str, name: &str) -> bool {
    let tag = tag.trim_end_matches('>');
    tag.split_whitespace().any(|w| w == name)
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Every tag of kind `kind` (`input`, `button`, ...) in `html`, as its opening text.
fn tags<'a>(html: &'a str, kind: &str) -> Vec<(usize, &'a str)> {
    let open = format!("<{kind}");
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(i) = html[at..].find(&open) {
        let start = at + i;
        let after = html[start + open.len()..].chars().next();
        let end = html[start..]
            .find('>')
            .map_or(html.len(), |e| start + e + 1);
        if matches!(after, Some(' ' | '>')) {
            found.push((start, &html[start..end]));
        }
        at = end;
    }
    found
}

/// The first option of the `<datalist>` with id `list`.
fn first_suggestion(body: &str, list: &str) -> Option<String> {
    let start = body.find(&format!("<datalist id=\"{list}\">"))?;
    let (_, option) = tags(&body[start..], "option").into_iter().next()?;
    attr(option, "value")
}

/// The POST forms of `html`.
pub fn post_forms(html: &str) -> Vec<Form> {
    let mut forms = Vec::new();
    let mut at = 0;
    while let Some(i) = html[at..].find("<form") {
        let start = at + i;
        let end = html[start..]
            .find("</form>")
            .map_or(html.len(), |e| start + e);
        let tag_end = html[start..].find('>').map_or(end, |e| start + e + 1);
        let tag = &html[start..tag_end];
        at = end;
        if attr(tag, "method").as_deref() != Some("post") {
            continue;
        }
        let body = &html[tag_end..end];
        forms.push(read_form(attr(tag, "action").unwrap_or_default(), body));
    }
    forms
}

fn read_form(action: String, body: &str) -> Form {
    let mut form = Form {
        action,
        fields: Vec::new(),
        required_empty: Vec::new(),
        radios: Vec::new(),
        buttons: Vec::new(),
        unchecked: Vec::new(),
        suggested: Vec::new(),
    };
    let mut controls: Vec<(usize, String, String, bool)> = Vec::new();
    for (pos, tag) in tags(body, "input") {
        let Some(name) = attr(tag, "name") else {
            continue;
        };
        let kind = attr(tag, "type").unwrap_or_else(|| "text".into());
        let value = attr(tag, "value").unwrap_or_default();
        match kind.as_str() {
            "checkbox" => {
                if has_flag(tag, "checked") {
                    controls.push((pos, name, value, false));
                } else {
                    form.unchecked.push((name, value));
                }
            }
            "radio" => {
                match form.radios.iter_mut().find(|(n, _)| *n == name) {
                    Some((_, values)) => values.push(value.clone()),
                    None => form.radios.push((name.clone(), vec![value.clone()])),
                }
                if has_flag(tag, "checked") {
                    controls.push((pos, name, value, false));
                }
            }
            "submit" => form.buttons.push((name, value)),
            "file" => {}
            _ => {
                if let Some(first) =
                    attr(tag, "list").and_then(|list| first_suggestion(body, &list))
                {
                    form.suggested.push((name.clone(), first));
                }
                controls.push((pos, name, value, has_flag(tag, "required")))
            }
        }
    }
    for (pos, tag) in tags(body, "textarea") {
        let Some(name) = attr(tag, "name") else {
            continue;
        };
        let start = pos + tag.len();
        let end = body[start..]
            .find("</textarea>")
            .map_or(start, |e| start + e);
        controls.push((
            pos,
            name,
            unescape(&body[start..end]),
            has_flag(tag, "required"),
        ));
    }
    for (pos, tag) in tags(body, "select") {
        let Some(name) = attr(tag, "name") else {
            continue;
        };
        let start = pos + tag.len();
        let end = body[start..].find("</select>").map_or(start, |e| start + e);
        let options = tags(&body[start..end], "option");
        let chosen = options
            .iter()
            .find(|(_, o)| has_flag(o, "selected"))
            .or_else(|| options.first())
            .and_then(|(_, o)| attr(o, "value"))
            .unwrap_or_default();
        // "Choose one" first: a person picks a real option.
        let chosen = if chosen.is_empty() && has_flag(tag, "required") {
            options
                .iter()
                .filter_map(|(_, o)| attr(o, "value"))
                .find(|v| !v.is_empty())
                .unwrap_or_default()
        } else {
            chosen
        };
        controls.push((pos, name, chosen, has_flag(tag, "required")));
    }
    for (_, tag) in tags(body, "button") {
        if let (Some(name), Some(value)) = (attr(tag, "name"), attr(tag, "value")) {
            form.buttons.push((name, value));
        }
    }
    controls.sort_by_key(|(pos, ..)| *pos);
    for (_, name, value, required) in controls {
        if required && value.trim().is_empty() {
            form.required_empty.push(name.clone());
        }
        form.fields.push((name, value));
    }
    form
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_form_as_a_browser_submits_it() {
        let html = r#"<form method="get" action="/search"><input name="q" value="x"></form>
<form method="post" action="/a?b=1&amp;c=2"><input type="hidden" name="csrf" value="t">
<input id="n" name="note" type="text" value="" required>
<input type="checkbox" name="box" value="yes" checked><input type="checkbox" name="off" value="yes">
<input type="radio" name="decision" value="approve"><input type="radio" name="decision" value="reject">
<textarea id="r" name="reason" rows="4" required>a &amp; b</textarea>
<select id="s" name="unit"><option value="hour">h</option><option value="day" selected>d</option></select>
<button type="submit" name="step" value="check">Check</button><button type="submit">Go</button></form>"#;
        let forms = post_forms(html);
        assert_eq!(forms.len(), 1);
        let f = &forms[0];
        assert_eq!(f.action, "/a?b=1&c=2");
        let names: Vec<&str> = f.fields.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["csrf", "note", "box", "reason", "unit"]);
        assert_eq!(f.fields[3].1, "a & b");
        assert_eq!(f.fields[4].1, "day");
        assert_eq!(f.required_empty, ["note"]);
        assert_eq!(
            f.radios,
            [(
                "decision".to_owned(),
                vec!["approve".to_owned(), "reject".to_owned()]
            )]
        );
        assert_eq!(f.buttons, [("step".to_owned(), "check".to_owned())]);
    }
}
