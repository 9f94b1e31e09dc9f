//! Command-line values taken from the model's vocabularies, so an option such as
//! `--background` offers exactly the names a case file accepts, with the same help.

use std::marker::PhantomData;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};

use crate::model::vocabulary::Vocabulary;

/// Parses an option's value as one of `T`'s names; help and errors list them.
#[derive(Clone, Copy, Debug)]
pub struct VocabularyParser<T>(PhantomData<T>);

impl<T: Vocabulary> VocabularyParser<T> {
    /// A parser for `T`'s names.
    pub fn new() -> Self {
        Self(PhantomData)
    }

    fn possible_values_list() -> impl Iterator<Item = PossibleValue> {
        T::VALUES.iter().map(|value| PossibleValue::new(value.name()).help(value.help()))
    }
}

impl<T: Vocabulary> Default for VocabularyParser<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Vocabulary> TypedValueParser for VocabularyParser<T> {
    type Value = T;

    fn parse_ref(
        &self,
        command: &clap::Command,
        argument: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<T, clap::Error> {
        // clap checks the name and words the error; the look-up after it finds the name.
        let name = PossibleValuesParser::new(Self::possible_values_list()).parse_ref(command, argument, value)?;
        T::from_name(&name).ok_or_else(|| clap::Error::new(clap::error::ErrorKind::InvalidValue).with_cmd(command))
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(Self::possible_values_list()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FigureBackground;

    #[test]
    fn an_option_takes_the_file_names_and_lists_them_when_wrong() {
        let command = clap::Command::new("casegraph").arg(
            clap::Arg::new("background").long("background").value_parser(VocabularyParser::<FigureBackground>::new()),
        );
        let matches = command.clone().try_get_matches_from(["casegraph", "--background", "theme"]).expect("a name");
        assert_eq!(matches.get_one::<FigureBackground>("background"), Some(&FigureBackground::Theme));
        let error = command.try_get_matches_from(["casegraph", "--background", "blue"]).expect_err("not a name");
        let message = error.to_string();
        assert!(message.contains("[possible values: white, transparent, theme]"), "{message}");
    }
}
