//! The JSON Schema of the plan file format, generated from the types.

use crate::model::plan::Plan;

/// The plan JSON Schema (draft 2020-12) as pretty JSON text, with a trailing newline.
pub fn plan_schema_json() -> String {
    let schema = schemars::schema_for!(Plan);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    /// The committed schema must match the code. Regenerate with
    /// `UPDATE_SCHEMA=1 cargo test -p onpace schema`.
    #[test]
    fn committed_schema_matches_the_code() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/plan.schema.json");
        let generated = super::plan_schema_json();
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == generated,
            "core/schema/plan.schema.json is stale: run UPDATE_SCHEMA=1 cargo test -p onpace schema"
        );
    }
}
