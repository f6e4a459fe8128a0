//! The notice templates: built into the binary from `templates/`, and overridable file by file
//! from a folder (`--templates DIR`) or from texts in memory (the WebAssembly package, which has
//! no file system) so that a website can reword or restyle them. Only the known template names
//! are ever loaded, so a template cannot reach other files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use minijinja::{Environment, UndefinedBehavior};

/// Every template file, with its built-in text.
const BUILT_IN: &[(&str, &str)] = &[
    ("page.html.j2", include_str!("../../templates/page.html.j2")),
    ("style.css", include_str!("../../templates/style.css")),
    ("da/lexicon.yaml", include_str!("../../templates/da/lexicon.yaml")),
    ("da/sections.md.j2", include_str!("../../templates/da/sections.md.j2")),
    ("da/by-topic.md.j2", include_str!("../../templates/da/by-topic.md.j2")),
    ("da/by-activity.md.j2", include_str!("../../templates/da/by-activity.md.j2")),
    ("da/by-audience.md.j2", include_str!("../../templates/da/by-audience.md.j2")),
    ("sv/lexicon.yaml", include_str!("../../templates/sv/lexicon.yaml")),
    ("sv/sections.md.j2", include_str!("../../templates/sv/sections.md.j2")),
    ("sv/by-topic.md.j2", include_str!("../../templates/sv/by-topic.md.j2")),
    ("sv/by-activity.md.j2", include_str!("../../templates/sv/by-activity.md.j2")),
    ("sv/by-audience.md.j2", include_str!("../../templates/sv/by-audience.md.j2")),
];

/// Where templates come from: the built-in set, with overrides taking precedence.
#[derive(Debug, Clone, Default)]
pub struct TemplateSet {
    overrides: Overrides,
}

#[derive(Debug, Clone, Default)]
enum Overrides {
    #[default]
    None,
    /// A folder's files of the same name, read when a template is loaded.
    Folder(PathBuf),
    /// Texts by template name. Shared, because every template environment holds a copy of
    /// the set.
    Texts(Arc<BTreeMap<String, String>>),
}

/// A template file that could not be read.
#[derive(Debug)]
pub struct ReadError {
    pub name: String,
    pub message: String,
}

impl TemplateSet {
    pub fn built_in() -> Self {
        TemplateSet { overrides: Overrides::None }
    }

    pub fn with_overrides(dir: &Path) -> Self {
        TemplateSet { overrides: Overrides::Folder(dir.to_path_buf()) }
    }

    /// Overrides given as texts by template name (`da/by-topic.md.j2`), read from nowhere else.
    /// Unlike a folder, which may hold other files, every name must be a template's: a
    /// misspelt name would otherwise be ignored without a word.
    pub fn with_texts(texts: BTreeMap<String, String>) -> Result<Self, ReadError> {
        if let Some(name) = texts.keys().find(|n| !Self::names().any(|known| known == n.as_str())) {
            let known: Vec<&str> = Self::names().collect();
            return Err(ReadError {
                name: name.clone(),
                message: format!("not a template name; the templates are {}", known.join(", ")),
            });
        }
        Ok(TemplateSet { overrides: Overrides::Texts(Arc::new(texts)) })
    }

    /// The names of all templates, for documentation and tests.
    pub fn names() -> impl Iterator<Item = &'static str> {
        BUILT_IN.iter().map(|(n, _)| *n)
    }

    /// The text of template `name`: the override if there is one, else the built-in text.
    /// Unknown names are refused, whatever the folder holds.
    pub fn source(&self, name: &str) -> Result<Option<String>, ReadError> {
        let Some((_, built_in)) = BUILT_IN.iter().find(|(n, _)| *n == name) else {
            return Ok(None);
        };
        match &self.overrides {
            Overrides::None => {}
            Overrides::Folder(dir) => {
                let path = dir.join(name);
                if path.is_file() {
                    return std::fs::read_to_string(&path).map(Some).map_err(|e| ReadError {
                        name: name.to_string(),
                        message: format!("{}: {e}", path.display()),
                    });
                }
            }
            Overrides::Texts(texts) => {
                if let Some(text) = texts.get(name) {
                    return Ok(Some(text.clone()));
                }
            }
        }
        Ok(Some((*built_in).to_string()))
    }

    /// The built-in set has no overrides: its templates never change in a process, so they
    /// are compiled once and shared (a playground or an editor renders on every keystroke).
    pub fn is_built_in(&self) -> bool {
        matches!(self.overrides, Overrides::None)
    }

    /// The environment of the built-in set, compiled templates kept for the process.
    pub fn built_in_environment() -> &'static Environment<'static> {
        static ENV: OnceLock<Environment<'static>> = OnceLock::new();
        ENV.get_or_init(|| TemplateSet::built_in().environment())
    }

    /// A template environment that loads from this set.
    pub fn environment(&self) -> Environment<'static> {
        let mut env = Environment::new();
        // A misspelt variable in a template must fail the build, not print nothing.
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        // Markdown templates insert pre-escaped text; the page template escapes HTML.
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".html.j2") { minijinja::AutoEscape::Html } else { minijinja::AutoEscape::None }
        });
        // Block tags on their own lines leave no blank lines behind, which Markdown needs.
        if let Ok(syntax) = minijinja::syntax::SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .keep_trailing_newline(true)
            .build()
        {
            env.set_syntax(syntax);
        }
        let set = self.clone();
        env.set_loader(move |name| {
            set.source(name).map_err(|e| {
                minijinja::Error::new(
                    minijinja::ErrorKind::TemplateNotFound,
                    format!("cannot read {}: {}", e.name, e.message),
                )
            })
        });
        env
    }
}
