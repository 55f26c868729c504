package i18n

// HelpTexts are the CLI's --help and its refusals of how a command was called: the words of
// cobra's help layout and of pflag's and cobra's flag and argument errors, in the language.
// The commands' own texts (Short, Long, flag usages) are written in English in their cobra
// definitions, which stay the source; a language other than English gives its own (Command,
// FlagUsage), keyed by command path, and the CLI applies them to its command tree.
type HelpTexts struct {
	// Section titles of a command's help, as cobra lays it out.
	Usage, Aliases, Examples, AvailableCommands, AdditionalCommands, Flags, GlobalFlags, AdditionalTopics string
	// CommandWord and FlagsWord stand for a subcommand and the flags in a usage line.
	CommandWord, FlagsWord string
	// MoreInfo ends a group's help (%s: the group's command path).
	MoreInfo string
	// HelpFlag and VersionFlag are the usages of -h and -v (%s: the command's name).
	HelpFlag, VersionFlag string
	// Default follows a flag's usage when its default is not the zero value (%s: the default);
	// Deprecated when the flag is (%s: what to use instead).
	Default, Deprecated string
	// Text, Number, Duration and Value name the kind of value a flag takes in the help
	// (string, int, duration…); Texts and Numbers, lists of them.
	Text, Texts, Number, Numbers, Duration, Value string

	// UnknownFlag: a flag no command has (%s: --name); UnknownShorthand: one letter of a group
	// of shorthands (%q: the letter, %s: the group, -abc).
	UnknownFlag, UnknownShorthand string
	// FlagNeedsValue: a flag given without its value (%s: --name); FlagNeedsValueShort: a
	// shorthand without its value (%q: the letter, %s: the group, -abc).
	FlagNeedsValue, FlagNeedsValueShort string
	// InvalidFlagValue: a value the flag cannot take (%s: the value, %s: the flag, %s: why).
	InvalidFlagValue string
	// Why a value is refused: not a whole number, out of range, not true/false, not a duration.
	NotANumber, OutOfRange, NotABool, NotADuration string
	// BadFlagSyntax: a word that looks like a flag and is none (%s: the word, ---x).
	BadFlagSyntax string
	// RequiredFlags: flags a command needs that were not given (%s: the flags, each written
	// with RequiredFlag and joined by ", "); One when a single one is missing.
	RequiredFlags Noun
	RequiredFlag  string
	// Argument counts: what a command accepts (%s: the count of arguments it takes, made with
	// Arguments) and what it received (%d).
	ArgsExact, ArgsAtMost, ArgsAtLeast string
	// ArgsBetween: %d the fewest, %s the most (with Arguments), %d received.
	ArgsBetween string
	Arguments   Noun

	// book is the commands' and flags' texts of a language that has its own (nil in English,
	// whose texts are the cobra definitions'), made once on first use and only read after.
	book func() *helpBook
}

// CommandHelp is a command's texts in one language; an empty field keeps the English one.
type CommandHelp struct {
	// Use is what follows the command's name in its usage line: its arguments ("ORG [--name NOM]").
	Use, Short, Long, Example string
}

// Localised tells whether the language has its own texts for the commands and flags.
func (h *HelpTexts) Localised() bool { return h.book != nil }

// Command is the texts of the command at key (HelpKey), when the language has them.
func (h *HelpTexts) Command(key string) (CommandHelp, bool) {
	if h.book == nil {
		return CommandHelp{}, false
	}
	c, ok := h.book().commands[key]
	return c, ok
}

// FlagUsage is the usage of the flag at key (FlagKey), when the language has it. A %s in it
// stands for a part the CLI computes (today's school year, the formats it reads).
func (h *HelpTexts) FlagUsage(key string) (string, bool) {
	if h.book == nil {
		return "", false
	}
	u, ok := h.book().flags[key]
	return u, ok
}

// Keys lists the commands and the flags the language has texts for.
func (h *HelpTexts) Keys() (commands, flags []string) {
	if h.book == nil {
		return nil, nil
	}
	b := h.book()
	for k := range b.commands {
		commands = append(commands, k)
	}
	for k := range b.flags {
		flags = append(flags, k)
	}
	return commands, flags
}

// HelpKey is the key of a command in HelpTexts: its path without the program's name,
// or the program's name for the program itself.
func HelpKey(path, program string) string {
	if path == program {
		return program
	}
	if len(path) > len(program) && path[:len(program)+1] == program+" " {
		return path[len(program)+1:]
	}
	return path
}

// FlagKey is the key of a command's flag in HelpTexts.
func FlagKey(command, flag string) string { return command + " --" + flag }

// helpBook assembles a language's command and flag texts, one command at a time.
type helpBook struct {
	commands map[string]CommandHelp
	flags    map[string]string
}

// flagTexts are one command's flag usages, keyed by the flag's name.
type flagTexts map[string]string

func newHelpBook() *helpBook {
	return &helpBook{commands: map[string]CommandHelp{}, flags: map[string]string{}}
}

// add gives the texts of the command at path and of its flags.
func (b *helpBook) add(path string, h CommandHelp, flags ...flagTexts) {
	b.commands[path] = h
	for _, fs := range flags {
		for name, usage := range fs {
			b.flags[FlagKey(path, name)] = usage
		}
	}
}

func helpEN() HelpTexts {
	return HelpTexts{
		Usage: "Usage:", Aliases: "Aliases:", Examples: "Examples:", AvailableCommands: "Available Commands:",
		AdditionalCommands: "Additional Commands:", Flags: "Flags:", GlobalFlags: "Global Flags:",
		AdditionalTopics: "Additional help topics:", CommandWord: "[command]", FlagsWord: "[flags]",
		MoreInfo: `Use "%s [command] --help" for more information about a command.`,
		HelpFlag: "help for %s", VersionFlag: "version for %s",
		Default: "(default %s)", Deprecated: "(DEPRECATED: %s)",
		Text: "string", Texts: "strings", Number: "int", Numbers: "ints", Duration: "duration", Value: "value",

		UnknownFlag: "unknown flag: %s", UnknownShorthand: "unknown shorthand flag: %q in %s",
		FlagNeedsValue: "flag needs an argument: %s", FlagNeedsValueShort: "flag needs an argument: %q in %s",
		InvalidFlagValue: "invalid argument %q for %q flag: %s",
		NotANumber:       "not a whole number", OutOfRange: "out of range", NotABool: "true or false expected",
		NotADuration: "a duration expected, such as 30s, 10m or 2h", BadFlagSyntax: "bad flag syntax: %s",
		RequiredFlags: Noun{One: "required flag(s) %s not set", Many: "required flag(s) %s not set"}, RequiredFlag: `"%s"`,
		ArgsExact: "accepts %s, received %d", ArgsAtMost: "accepts at most %s, received %d",
		ArgsAtLeast: "requires at least %s, only received %d", ArgsBetween: "accepts between %d and %s, received %d",
		Arguments: Noun{One: "%s arg(s)", Many: "%s arg(s)"},
	}
}
