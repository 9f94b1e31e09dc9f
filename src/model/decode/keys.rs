//! The keys of every kind of object in a case file, each kind declared once with
//! [`object_keys!`] as an enum. The decoder matches on these enums without a catch-all, so a
//! key added here and not decoded is a compile error; the docs test compares these tables
//! with `docs/case-format.md`.

/// The most keys one kind of object may have: each key's presence is a bit, and each key's
/// offset has a slot, in fixed-size fields.
pub(super) const MAX_KEYS: usize = 16;

/// The keys of one kind of object, as an enum whose variants are the keys.
pub(super) trait ObjectKeys: Copy + Eq + 'static {
    /// Every key, in the order the format documents them.
    const ALL: &'static [Self];
    /// Every key's name, in the same order.
    const NAMES: &'static [&'static str];
    /// The bits of the keys that must be present.
    const REQUIRED_MASK: u64;

    /// The key's place among [`ObjectKeys::ALL`], its bit in masks.
    fn slot(self) -> usize;

    /// The key's name in the file.
    fn name(self) -> &'static str {
        Self::NAMES[self.slot()]
    }

    /// The key named `text`, if this kind of object has one.
    fn from_name(text: &str) -> Option<Self> {
        Self::NAMES.iter().position(|name| *name == text).map(|slot| Self::ALL[slot])
    }

    /// The required keys, in order.
    fn required() -> impl Iterator<Item = Self> {
        Self::ALL.iter().copied().filter(|key| Self::REQUIRED_MASK & key.bit() != 0)
    }

    /// The key's bit in masks.
    fn bit(self) -> u64 {
        1 << self.slot()
    }
}

/// One kind of object as the format documents it: its name and its keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileObject {
    /// What the object is, as `docs/case-format.md` heads its table: "node", "figure".
    pub object: &'static str,
    /// Its keys, in order.
    pub keys: &'static [&'static str],
    /// Per key: whether it is required.
    pub required: &'static [bool],
}

/// `true` for a key marked `required`.
macro_rules! is_required {
    () => {
        false
    };
    (required) => {
        true
    };
}

/// Declares the keys of one kind of object: `Variant = "name"`, followed by `(required)` for
/// a key that must be present. At most [`MAX_KEYS`], checked when compiling.
macro_rules! object_keys {
    (
        $(#[$meta:meta])*
        enum $name:ident ($object:literal) {
            $( $variant:ident = $key:literal $(($required:ident))?, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(super) enum $name {
            $($variant,)+
        }

        impl $name {
            const REQUIRED: &'static [bool] = &[$(is_required!($($required)?),)+];
            const FILE_OBJECT: FileObject =
                FileObject { object: $object, keys: <Self as ObjectKeys>::NAMES, required: Self::REQUIRED };
        }

        impl ObjectKeys for $name {
            const ALL: &'static [Self] = &[$(Self::$variant,)+];
            const NAMES: &'static [&'static str] = &[$($key,)+];
            const REQUIRED_MASK: u64 = required_mask(Self::REQUIRED);

            fn slot(self) -> usize {
                self as usize
            }
        }

        const _: () = assert!(
            <$name as ObjectKeys>::NAMES.len() <= MAX_KEYS,
            concat!(stringify!($name), " has more keys than an object may: raise MAX_KEYS")
        );
    };
}

/// The mask of the keys whose flag is set.
const fn required_mask(flags: &[bool]) -> u64 {
    let mut mask = 0;
    let mut slot = 0;
    while slot < flags.len() {
        if flags[slot] {
            mask |= 1 << slot;
        }
        slot += 1;
    }
    mask
}

object_keys! {
    /// The top level of a case file.
    enum TopKey ("top level") {
        Format = "format" (required),
        Version = "version" (required),
        Case = "case" (required),
        Nodes = "nodes",
        Links = "links",
        Sources = "sources",
        Quotes = "quotes",
        Reviews = "reviews",
        Layout = "layout",
        View = "view",
        Story = "story",
    }
}

object_keys! {
    /// `case`: facts about the case itself.
    enum CaseKey ("case") {
        Title = "title" (required),
        Summary = "summary",
        Language = "language",
        Created = "created",
        Updated = "updated",
    }
}

object_keys! {
    /// One of `nodes`.
    enum NodeKey ("node") {
        Id = "id" (required),
        Kind = "kind" (required),
        Label = "label" (required),
        Aliases = "aliases",
        Countries = "countries",
        Description = "description",
        StartDate = "start_date",
        EndDate = "end_date",
        Date = "date",
        Amount = "amount",
        Status = "status",
        Origin = "origin",
    }
}

/// The node keys only a transaction may have.
pub(super) const TRANSACTION_ONLY: [NodeKey; 3] = [NodeKey::Date, NodeKey::Amount, NodeKey::Status];

object_keys! {
    /// A transaction's `amount`.
    enum AmountKey ("amount") {
        Value = "value" (required),
        Max = "max",
        Currency = "currency" (required),
        Approximate = "approximate",
    }
}

object_keys! {
    /// One of `links`.
    enum LinkKey ("link") {
        Id = "id" (required),
        Kind = "kind" (required),
        Source = "source" (required),
        Target = "target" (required),
        Role = "role",
        Date = "date",
        StartDate = "start_date",
        EndDate = "end_date",
        Status = "status",
        Description = "description",
        Origin = "origin",
    }
}

object_keys! {
    /// One of `sources`.
    enum SourceKey ("source") {
        Id = "id" (required),
        Publisher = "publisher" (required),
        Title = "title" (required),
        Date = "date",
        Authors = "authors",
        Url = "url",
        Document = "document",
        Original = "original",
        Reliability = "reliability",
        ReliabilityReason = "reliability_reason",
        Repeats = "repeats",
        Origin = "origin",
    }
}

object_keys! {
    /// An imported node's, link's or source's `origin`.
    enum OriginKey ("origin") {
        Format = "format" (required),
        File = "file" (required),
        Ref = "ref" (required),
    }
}

object_keys! {
    /// One of `quotes`.
    enum QuoteKey ("quote") {
        Id = "id" (required),
        Source = "source" (required),
        Text = "text" (required),
        Supports = "supports" (required),
        Locator = "locator",
        Credibility = "credibility",
        Stance = "stance",
    }
}

object_keys! {
    /// One of `reviews`.
    enum ReviewKey ("review") {
        Item = "item" (required),
        By = "by" (required),
        Date = "date",
        Note = "note",
        Fingerprint = "fingerprint" (required),
    }
}

object_keys! {
    /// `layout`.
    enum LayoutKey ("layout") {
        Seed = "seed",
        Positions = "positions",
    }
}

object_keys! {
    /// One of `layout.positions`.
    enum PositionKey ("position") {
        X = "x" (required),
        Y = "y" (required),
        Pinned = "pinned",
    }
}

object_keys! {
    /// `view`.
    enum ViewKey ("view") {
        Camera = "camera",
        HiddenKinds = "hidden_kinds",
        Figure = "figure",
    }
}

object_keys! {
    /// `view.figure`.
    enum FigureKey ("figure") {
        Extent = "extent",
        Width = "width",
        WidthMm = "width_mm",
        Dpi = "dpi",
        Scale = "scale",
        Background = "background",
        Title = "title",
        Caption = "caption",
        Legend = "legend",
        Sources = "sources",
        Support = "support",
    }
}

object_keys! {
    /// `view.camera`.
    enum CameraKey ("camera") {
        CenterX = "center_x" (required),
        CenterY = "center_y" (required),
        Zoom = "zoom" (required),
    }
}

object_keys! {
    /// `story`.
    enum StoryKey ("story") {
        Steps = "steps" (required),
    }
}

object_keys! {
    /// One of `story.steps`.
    enum StepKey ("step") {
        Title = "title" (required),
        Caption = "caption",
        Camera = "camera",
        HiddenKinds = "hidden_kinds",
        Hidden = "hidden",
        Highlight = "highlight",
        Period = "period",
        Cites = "cites",
    }
}

object_keys! {
    /// A story step's `period`.
    enum PeriodKey ("period") {
        From = "from" (required),
        To = "to" (required),
    }
}

/// Every kind of object the format has, with its keys, as the decoder reads them.
pub const FILE_OBJECTS: [FileObject; 17] = [
    TopKey::FILE_OBJECT,
    CaseKey::FILE_OBJECT,
    NodeKey::FILE_OBJECT,
    AmountKey::FILE_OBJECT,
    LinkKey::FILE_OBJECT,
    SourceKey::FILE_OBJECT,
    OriginKey::FILE_OBJECT,
    QuoteKey::FILE_OBJECT,
    ReviewKey::FILE_OBJECT,
    LayoutKey::FILE_OBJECT,
    PositionKey::FILE_OBJECT,
    ViewKey::FILE_OBJECT,
    FigureKey::FILE_OBJECT,
    CameraKey::FILE_OBJECT,
    StoryKey::FILE_OBJECT,
    StepKey::FILE_OBJECT,
    PeriodKey::FILE_OBJECT,
];
