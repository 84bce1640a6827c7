//! Reading what the user named on the command line into [`Document`]s.
//!
//! **API boundary:** this crate is the pipeline's I/O edge on the way in. It
//! reads files, walks directories and reads standard input; everything after it
//! ([`dossier_document::load`] onwards) works on bytes in memory.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use dossier_document::{load, Document, DocumentError, Origin};

/// One input named by the user, after directories are expanded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file.
    File(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

impl Input {
    /// The origin this input's documents will carry.
    pub fn origin(&self) -> Origin {
        match self {
            Input::File(p) => Origin::File(p.display().to_string()),
            Input::Stdin => Origin::Stdin,
        }
    }
}

/// Expand the arguments into inputs: `-` is standard input, a directory is
/// walked recursively (files in name order, hidden files and directories
/// skipped), anything else is taken as a file. A directory that cannot be walked
/// is reported as an error entry, not dropped.
pub fn expand<S: AsRef<str>>(args: &[S]) -> Vec<Result<Input, (Origin, DocumentError)>> {
    let mut out = Vec::new();
    for arg in args {
        let arg = arg.as_ref();
        if arg == "-" {
            out.push(Ok(Input::Stdin));
            continue;
        }
        let path = Path::new(arg);
        if path.is_dir() {
            let walker = walkdir::WalkDir::new(path)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
            for entry in walker {
                match entry {
                    Ok(e) if e.file_type().is_file() => out.push(Ok(Input::File(e.into_path()))),
                    Ok(_) => {}
                    Err(e) => {
                        let where_ = e.path().unwrap_or(path).display().to_string();
                        out.push(Err((Origin::File(where_), DocumentError::Unreadable(e.to_string()))));
                    }
                }
            }
        } else {
            out.push(Ok(Input::File(path.to_path_buf())));
        }
    }
    out
}

/// Read one input and load the documents it holds (see [`load`]). A file larger
/// than `max_size` is refused before it is read.
pub fn read(input: &Input, max_size: u64) -> Vec<(Origin, Result<Document, DocumentError>)> {
    let origin = input.origin();
    match read_bytes(input, max_size) {
        Ok(bytes) => load(origin, &bytes, max_size),
        Err(e) => vec![(origin, Err(e))],
    }
}

fn read_bytes(input: &Input, max_size: u64) -> Result<Vec<u8>, DocumentError> {
    let mut buf = Vec::new();
    let reader: Box<dyn Read> = match input {
        Input::Stdin => Box::new(std::io::stdin().lock()),
        Input::File(p) => {
            let meta = fs::metadata(p).map_err(|e| DocumentError::Unreadable(e.to_string()))?;
            if meta.is_dir() {
                return Err(DocumentError::Unreadable("is a directory".into()));
            }
            if meta.len() > max_size {
                return Err(DocumentError::TooLarge { size: meta.len(), limit: max_size });
            }
            Box::new(fs::File::open(p).map_err(|e| DocumentError::Unreadable(e.to_string()))?)
        }
    };
    reader
        .take(max_size.saturating_add(1))
        .read_to_end(&mut buf)
        .map_err(|e| DocumentError::Unreadable(e.to_string()))?;
    if buf.len() as u64 > max_size {
        return Err(DocumentError::TooLarge { size: buf.len() as u64, limit: max_size });
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_are_walked_in_order_and_hidden_files_skipped() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("b.txt"), "B").unwrap();
        fs::write(dir.path().join("sub/a.txt"), "A").unwrap();
        fs::write(dir.path().join(".hidden"), "H").unwrap();
        let inputs: Vec<_> = expand(&[dir.path().to_str().unwrap()]).into_iter().map(Result::unwrap).collect();
        let names: Vec<_> = inputs
            .iter()
            .map(|i| match i {
                Input::File(p) => p.strip_prefix(dir.path()).unwrap().display().to_string(),
                Input::Stdin => "-".into(),
            })
            .collect();
        assert_eq!(names, ["b.txt", "sub/a.txt"]);
        assert_eq!(expand(&["-"]), vec![Ok(Input::Stdin)]);
    }

    #[test]
    fn missing_and_oversized_files_are_errors_naming_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let missing = Input::File(dir.path().join("nope.html"));
        let r = read(&missing, 100);
        assert!(matches!(r[0].1, Err(DocumentError::Unreadable(_))));
        assert!(r[0].0.to_string().ends_with("nope.html"));
        let big = dir.path().join("big.txt");
        fs::write(&big, vec![b'a'; 200]).unwrap();
        assert!(matches!(read(&Input::File(big), 100)[0].1, Err(DocumentError::TooLarge { .. })));
    }
}
