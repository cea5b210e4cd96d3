//! Multilingual labels: Chinese is the official text; English and Korean are translations.

use serde::{Deserialize, Serialize};

/// A language a label or report can be rendered in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Lang {
    /// Chinese (简体中文), the language of the plans.
    Zh,
    /// English.
    En,
    /// Korean (한국어): Yanbian is a Korean autonomous prefecture.
    Ko,
}

impl Lang {
    /// Parse `zh`, `en` or `ko`.
    pub fn parse(code: &str) -> crate::Result<Self> {
        match code {
            "zh" => Ok(Lang::Zh),
            "en" => Ok(Lang::En),
            "ko" => Ok(Lang::Ko),
            other => Err(crate::Error::invalid_argument(
                "lang",
                format!("unknown language `{other}`; expected zh, en or ko"),
            )),
        }
    }

    /// The code, `zh`, `en` or `ko`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }
}

/// A human-facing name in Chinese (official) with optional English and Korean translations.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Label {
    /// The official Chinese text.
    pub zh: String,
    /// English translation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// Korean translation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ko: Option<String>,
    /// True when the translations come from the plan's issuer; false (the default) when they
    /// are this project's own and therefore unofficial.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub official_translations: bool,
}

impl Label {
    /// A label with only the official Chinese text.
    pub fn zh(text: impl Into<String>) -> Self {
        Label { zh: text.into(), ..Label::default() }
    }

    /// The text in `lang`, falling back to Chinese when there is no translation.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => self.en.as_deref().unwrap_or(&self.zh),
            Lang::Ko => self.ko.as_deref().unwrap_or(&self.zh),
        }
    }

    /// Whether the text shown for `lang` is an unofficial translation.
    pub fn is_unofficial(&self, lang: Lang) -> bool {
        let translated = match lang {
            Lang::Zh => false,
            Lang::En => self.en.is_some(),
            Lang::Ko => self.ko.is_some(),
        };
        translated && !self.official_translations
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_chinese() {
        let l = Label { zh: "研发".into(), en: Some("R&D".into()), ko: None, official_translations: false };
        assert_eq!(l.get(Lang::En), "R&D");
        assert_eq!(l.get(Lang::Ko), "研发");
        assert!(l.is_unofficial(Lang::En));
        assert!(!l.is_unofficial(Lang::Ko));
        assert!(Lang::parse("fr").is_err());
    }
}
