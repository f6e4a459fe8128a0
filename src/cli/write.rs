//! Writing generated files so that a reader never sees a half-written one: every file goes to
//! a temporary file in the output folder first, and only when all are written are they renamed
//! into place. A failure before that leaves the folder as it was.

use std::fs;
use std::path::{Path, PathBuf};

use policyc::emit::Output;

pub fn atomically(dir: &Path, outputs: &[Output]) -> Result<(), String> {
    fs::create_dir_all(dir).map_err(|e| format!("cannot create `{}`: {e}", dir.display()))?;
    let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
    for output in outputs {
        let target = dir.join(safe_name(&output.name)?);
        let temp = dir.join(format!(".{}.{}.tmp", output.name, std::process::id()));
        if let Err(e) = fs::write(&temp, &output.contents) {
            let _ = fs::remove_file(&temp);
            discard(&staged);
            return Err(format!("cannot write `{}`: {e}", target.display()));
        }
        staged.push((temp, target));
    }
    for (temp, target) in &staged {
        fs::rename(temp, target).map_err(|e| format!("cannot write `{}`: {e}", target.display()))?;
    }
    Ok(())
}

/// Replace one file by way of a temporary file beside it.
pub fn replace(path: &Path, contents: &str) -> Result<(), String> {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    fs::write(&temp, contents).map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
    fs::rename(&temp, path).map_err(|e| {
        let _ = fs::remove_file(&temp);
        format!("cannot write `{}`: {e}", path.display())
    })
}

/// Output names are `<id>.<lang>.<ext>`; an id is a policy identifier, but check anyway that
/// nothing can name a file outside the output folder.
fn safe_name(name: &str) -> Result<&str, String> {
    let ok =
        !name.is_empty() && !name.starts_with('.') && !name.contains("..") && !name.contains(['/', '\\', ':', '\0']);
    if ok { Ok(name) } else { Err(format!("refusing to write `{name}` outside the output folder")) }
}

fn discard(staged: &[(PathBuf, PathBuf)]) {
    for (temp, _) in staged {
        let _ = fs::remove_file(temp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cannot_leave_the_folder() {
        assert!(safe_name("addvalue.da.md").is_ok());
        for bad in ["../x.md", "a/b.md", "..", ".hidden", "C:x", ""] {
            assert!(safe_name(bad).is_err(), "{bad}");
        }
    }
}
