//! Byte offsets to the line and column an editor shows.

/// Line starts of a text, built once so that many offsets can be placed cheaply.
#[derive(Clone, Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<u32>,
}

impl<'a> LineIndex<'a> {
    /// Indexes `text` (one pass over its bytes).
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts
            .extend(text.bytes().enumerate().filter(|(_, byte)| *byte == b'\n').map(|(index, _)| index as u32 + 1));
        Self { text, line_starts }
    }

    /// 1-based line and column (in characters, as editors count) of a byte offset.
    pub fn line_column(&self, offset: u32) -> (usize, usize) {
        let offset = (offset as usize).min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start as usize <= offset) - 1;
        let line_start = self.line_starts[line] as usize;
        let column = self.text.get(line_start..offset).map_or(offset - line_start, |prefix| prefix.chars().count());
        (line + 1, column + 1)
    }
}

/// 1-based line and column of one offset, without building an index.
pub fn line_column(text: &str, offset: u32) -> (usize, usize) {
    LineIndex::new(text).line_column(offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_and_characters() {
        let text = "ab\nКирилл x\n\nz";
        let index = LineIndex::new(text);
        assert_eq!(index.line_column(0), (1, 1));
        assert_eq!(index.line_column(2), (1, 3));
        assert_eq!(index.line_column(3), (2, 1));
        let x = text.find('x').expect("x") as u32;
        assert_eq!(index.line_column(x), (2, 8));
        assert_eq!(index.line_column(text.len() as u32 - 1), (4, 1));
        assert_eq!(index.line_column(10_000), (4, 2));
    }
}
