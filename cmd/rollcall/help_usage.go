package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"rollcall/i18n"
)

// writeUsage writes c's usage as cobra lays it out (its default usage template), with the
// words of h: in English it is cobra's own, word for word (a test holds it to that).
func writeUsage(w io.Writer, c *cobra.Command, h *i18n.HelpTexts) error {
	var b strings.Builder
	b.WriteString(h.Usage)
	if c.Runnable() {
		b.WriteString("\n  " + strings.ReplaceAll(c.UseLine(), "[flags]", h.FlagsWord))
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n  " + c.CommandPath() + " " + h.CommandWord)
	}
	if len(c.Aliases) > 0 {
		b.WriteString("\n\n" + h.Aliases + "\n  " + c.NameAndAliases())
	}
	if c.HasExample() {
		b.WriteString("\n\n" + h.Examples + "\n" + c.Example)
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n\n" + h.AvailableCommands)
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				fmt.Fprintf(&b, "\n  %-*s %s", sub.NamePadding(), sub.Name(), sub.Short)
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		b.WriteString("\n\n" + h.Flags + "\n" + trimRight(flagUsages(c.LocalFlags(), h)))
	}
	if c.HasAvailableInheritedFlags() {
		b.WriteString("\n\n" + h.GlobalFlags + "\n" + trimRight(flagUsages(c.InheritedFlags(), h)))
	}
	if c.HasHelpSubCommands() {
		b.WriteString("\n\n" + h.AdditionalTopics)
		for _, sub := range c.Commands() {
			if sub.IsAdditionalHelpTopicCommand() {
				fmt.Fprintf(&b, "\n  %-*s %s", sub.CommandPathPadding(), sub.CommandPath(), sub.Short)
			}
		}
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n\n" + fmt.Sprintf(h.MoreInfo, c.CommandPath()))
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func trimRight(s string) string { return strings.TrimRightFunc(s, unicode.IsSpace) }

// flagUsages lists the flags of fs as pflag's FlagUsages does, with the words of h: the kind of
// value a flag takes and its default. Columns are counted in characters, not bytes.
func flagUsages(fs *pflag.FlagSet, h *i18n.HelpTexts) string {
	var lines []string
	maxlen := 0
	fs.VisitAll(func(fl *pflag.Flag) {
		if fl.Hidden {
			return
		}
		line := "      --" + fl.Name
		if fl.Shorthand != "" && fl.ShorthandDeprecated == "" {
			line = "  -" + fl.Shorthand + ", --" + fl.Name
		}
		varname, usage := unquoteUsage(fl, h)
		if varname != "" {
			line += " " + varname
		}
		line += noOptDefault(fl)
		line += "\x00"
		maxlen = max(maxlen, utf8.RuneCountInString(line))
		line += usage
		if !zeroDefault(fl) {
			def := fl.DefValue
			if fl.Value.Type() == "string" {
				def = fmt.Sprintf("%q", def)
			}
			line += " " + fmt.Sprintf(h.Default, def)
		}
		if fl.Deprecated != "" {
			line += " " + fmt.Sprintf(h.Deprecated, fl.Deprecated)
		}
		lines = append(lines, line)
	})
	var buf bytes.Buffer
	for _, line := range lines {
		sidx := strings.Index(line, "\x00")
		spacing := strings.Repeat(" ", maxlen-utf8.RuneCountInString(line[:sidx]))
		fmt.Fprintln(&buf, line[:sidx], spacing, strings.ReplaceAll(line[sidx+1:], "\n", "\n"+strings.Repeat(" ", maxlen+2)))
	}
	return buf.String()
}

// unquoteUsage is pflag.UnquoteUsage with the kinds of values named in the language.
func unquoteUsage(fl *pflag.Flag, h *i18n.HelpTexts) (name, usage string) {
	if i := strings.IndexByte(fl.Usage, '`'); i >= 0 {
		if j := strings.IndexByte(fl.Usage[i+1:], '`'); j >= 0 {
			name = fl.Usage[i+1 : i+1+j]
			return name, fl.Usage[:i] + name + fl.Usage[i+1+j+1:]
		}
	}
	name, _ = pflag.UnquoteUsage(fl)
	switch fl.Value.Type() {
	case "string":
		name = h.Text
	case "stringSlice":
		name = h.Texts
	case "int", "int64":
		name = h.Number
	case "intSlice":
		name = h.Numbers
	case "duration":
		name = h.Duration
	case "func":
		name = h.Value
	}
	return name, fl.Usage
}

// noOptDefault is what a flag given without a value means, as pflag shows it.
func noOptDefault(fl *pflag.Flag) string {
	if fl.NoOptDefVal == "" {
		return ""
	}
	switch fl.Value.Type() {
	case "string":
		return fmt.Sprintf("[=\"%s\"]", fl.NoOptDefVal)
	case "bool", "boolfunc":
		if fl.NoOptDefVal != "true" {
			return "[=" + fl.NoOptDefVal + "]"
		}
		return ""
	case "count":
		if fl.NoOptDefVal != "+1" {
			return "[=" + fl.NoOptDefVal + "]"
		}
		return ""
	}
	return "[=" + fl.NoOptDefVal + "]"
}

// zeroDefault tells a default pflag does not show (false, 0, "", an empty list).
func zeroDefault(fl *pflag.Flag) bool {
	d := fl.DefValue
	switch fl.Value.Type() {
	case "bool", "boolfunc":
		return d == "false" || d == ""
	case "duration":
		return d == "0" || d == "0s"
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "count", "float32", "float64":
		return d == "0"
	case "string":
		return d == ""
	case "ip", "ipMask", "ipNet":
		return d == "<nil>"
	case "intSlice", "stringSlice", "stringArray":
		return d == "[]"
	}
	return d == "false" || d == "<nil>" || d == "" || d == "0"
}
