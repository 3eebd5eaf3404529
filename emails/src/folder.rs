//! The local outbox folder: the folder transport writes one `<message-id uuid>.eml` per message,
//! and the development page lists and reads them back.
use std::{
    io,
    path::{Path, PathBuf},
    time::SystemTime,
};

use chrono::{DateTime, Utc};
use lettre::Message;
use mail_parser::MessageParser;
use uuid::Uuid;

use crate::{ConfigError, SendError};

pub struct FolderTransport {
    folder: PathBuf,
}

impl FolderTransport {
    pub(crate) fn new(folder: &Path) -> Result<FolderTransport, ConfigError> {
        std::fs::create_dir_all(folder).map_err(|e| ConfigError::Folder {
            folder: folder.display().to_string(),
            reason: e.to_string(),
        })?;
        Ok(FolderTransport {
            folder: folder.to_owned(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.folder
    }

    /// Writes to a hidden temporary name and renames it, so a reader never sees half a file;
    /// a retry of the same outbox row overwrites its own file instead of adding a second one.
    pub(crate) async fn send(&self, message: &Message) -> Result<(), SendError> {
        let id = message_uuid(message).unwrap_or_else(Uuid::now_v7);
        let io_error =
            |e: io::Error| SendError::Temporary(format!("{}: {e}", self.folder.display()));
        tokio::fs::create_dir_all(&self.folder)
            .await
            .map_err(io_error)?;
        let temporary = self.folder.join(format!(".{id}.eml.tmp"));
        let target = self.folder.join(format!("{id}.eml"));
        tokio::fs::write(&temporary, message.formatted())
            .await
            .map_err(io_error)?;
        tokio::fs::rename(&temporary, &target)
            .await
            .map_err(io_error)
    }
}

/// The uuid in `Message-ID: <uuid@valinta.invalid>`.
fn message_uuid(message: &Message) -> Option<Uuid> {
    let raw = message.headers().get_raw("Message-ID")?;
    let inner = raw.trim().trim_start_matches('<');
    let local = inner.split('@').next()?;
    Uuid::parse_str(local).ok()
}

/// One message from the outbox folder, decoded for display.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredEmail {
    pub file_name: String,
    pub to: String,
    pub subject: String,
    pub date: Option<DateTime<Utc>>,
    pub text: String,
}

/// The newest `limit` messages in `folder`, newest first. A missing folder is an empty list:
/// nothing has been sent yet.
pub fn list_folder(folder: &Path, limit: usize) -> io::Result<Vec<StoredEmail>> {
    Ok(page_folder(folder, 0, limit)?.0)
}

/// The messages in `folder`, newest first, `skip`ped then at most `limit` of them, with how
/// many the folder holds: a page of a list that links to the rest. Only the page's messages
/// are read.
pub fn page_folder(
    folder: &Path,
    skip: usize,
    limit: usize,
) -> io::Result<(Vec<StoredEmail>, usize)> {
    let files = stored_names(folder)?;
    let total = files.len();
    let page = files
        .into_iter()
        .skip(skip)
        .take(limit)
        .map(|name| read_stored(folder, &name))
        .collect::<io::Result<_>>()?;
    Ok((page, total))
}

/// The stored messages' file names, newest first.
fn stored_names(folder: &Path) -> io::Result<Vec<String>> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut files: Vec<(SystemTime, String)> = Vec::new();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !is_stored_name(&name) || !entry.file_type()?.is_file() {
            continue;
        }
        let modified = entry
            .metadata()?
            .modified()
            .unwrap_or(SystemTime::UNIX_EPOCH);
        files.push((modified, name));
    }
    // Same-second files fall back to the name: folder names are time-ordered v7 uuids.
    files.sort_by(|a, b| b.cmp(a));
    Ok(files.into_iter().map(|(_, name)| name).collect())
}

/// One stored message by file name. Names that could leave the folder are refused.
pub fn read_stored(folder: &Path, file_name: &str) -> io::Result<StoredEmail> {
    if file_name.is_empty()
        || file_name.contains('/')
        || file_name.contains('\\')
        || file_name.contains("..")
    {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{file_name:?} is not a file name in the outbox folder"),
        ));
    }
    let bytes = std::fs::read(folder.join(file_name))?;
    Ok(parse_stored(file_name, &bytes))
}

fn is_stored_name(name: &str) -> bool {
    name.ends_with(".eml") && !name.starts_with('.')
}

fn parse_stored(file_name: &str, bytes: &[u8]) -> StoredEmail {
    let Some(message) = MessageParser::default().parse(bytes) else {
        // Still listed, so a broken file shows up on the page instead of vanishing.
        return StoredEmail {
            file_name: file_name.to_owned(),
            to: String::new(),
            subject: String::new(),
            date: None,
            text: String::from_utf8_lossy(bytes).into_owned(),
        };
    };
    let to = message
        .to()
        .map(|to| {
            to.iter()
                .map(|addr| match (addr.name(), addr.address()) {
                    (Some(name), Some(address)) => format!("{name} <{address}>"),
                    (None, Some(address)) => address.to_owned(),
                    (Some(name), None) => name.to_owned(),
                    (None, None) => String::new(),
                })
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    StoredEmail {
        file_name: file_name.to_owned(),
        to,
        subject: message.subject().unwrap_or_default().to_owned(),
        date: message
            .date()
            .and_then(|date| DateTime::from_timestamp(date.to_timestamp(), 0)),
        text: message
            .body_text(0)
            .map(|text| text.into_owned())
            .unwrap_or_default(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn names_that_could_leave_the_folder_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        for bad in ["../secret.eml", "a/b.eml", "..", "", "x\\y.eml"] {
            let error = read_stored(dir.path(), bad).unwrap_err();
            assert_eq!(error.kind(), io::ErrorKind::InvalidInput, "{bad}");
        }
    }

    #[test]
    fn a_missing_folder_lists_nothing_and_temp_files_are_not_listed() {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            list_folder(&dir.path().join("none"), 10)
                .unwrap()
                .is_empty()
        );
        std::fs::write(dir.path().join(".x.eml.tmp"), b"half").unwrap();
        std::fs::write(dir.path().join("notes.txt"), b"x").unwrap();
        assert!(list_folder(dir.path(), 10).unwrap().is_empty());
    }
}
