package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/importers"
	"rollcall/model"
)

// prepareHelp readies the command tree for the run's language. cobra's own commands (help,
// completion) are made now rather than when cobra runs, so their arguments are checked like
// every command's and their texts can be told. When the catalogue has its own command texts
// (French), every command's texts, flag usages and the layout of --help come from it; English
// keeps cobra's, written in the commands' definitions.
func prepareHelp(root *cobra.Command, args []string, cat *i18n.Catalog) {
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd(args...)
	for _, c := range root.Commands() {
		if c.Name() == "completion" { // a group, as wrapAllArgs makes ours
			c.Args = knownCommand
			c.RunE = func(c *cobra.Command, _ []string) error { return c.Help() }
			wrapAllArgs(c)
		}
	}
	h := &cat.Help
	if !h.Localised() {
		return
	}
	root.InitDefaultVersionFlag()
	localiseTree(root, h, helpFills())
	root.SetUsageFunc(func(c *cobra.Command) error { return writeUsage(c.OutOrStderr(), c, h) })
}

// localiseTree gives c and the commands below it their texts from h.
func localiseTree(c *cobra.Command, h *i18n.HelpTexts, fills map[string]func() string) {
	c.InitDefaultHelpFlag()
	key := i18n.HelpKey(c.CommandPath(), c.Root().Name())
	if t, ok := h.Command(key); ok {
		if t.Use != "" {
			c.Use = c.Name() + " " + t.Use
		}
		for _, text := range []struct {
			to   *string
			from string
		}{{&c.Short, t.Short}, {&c.Long, t.Long}, {&c.Example, t.Example}} {
			if text.from != "" {
				*text.to = text.from
			}
		}
	}
	c.LocalFlags().VisitAll(func(fl *pflag.Flag) {
		switch {
		case isCobraFlag(fl, "help"):
			fl.Usage = fmt.Sprintf(h.HelpFlag, c.DisplayName())
		case isCobraFlag(fl, "version"):
			fl.Usage = fmt.Sprintf(h.VersionFlag, c.DisplayName())
		default:
			k := i18n.FlagKey(key, fl.Name)
			if u, ok := h.FlagUsage(k); ok {
				if fill, ok := fills[k]; ok {
					u = fmt.Sprintf(u, fill())
				}
				fl.Usage = u
			}
		}
	})
	for _, sub := range c.Commands() {
		localiseTree(sub, h, fills)
	}
}

// isCobraFlag tells the flags cobra adds itself (-h, -v), whose usage names their command.
func isCobraFlag(fl *pflag.Flag, name string) bool {
	return fl.Name == name && len(fl.Annotations[cobra.FlagSetByCobraAnnotation]) > 0
}

// helpFills compute the parts of flag usages that are not fixed (the formats Rollcall reads,
// today's school year): a translated usage holds %s where the English one has them.
func helpFills() map[string]func() string {
	return map[string]func() string{
		"import --format": func() string { return formatList(func(f importers.Format) string { return string(f) }) },
		"import --source": func() string { return formatList(importers.SourceOf) },
		"users export --format": func() string {
			return strings.Join(app.ExportFormatNames(), ", ")
		},
		"year close --year": func() string { return model.SchoolYearAt(time.Now()) },
	}
}

// langArg is the value of --lang on the command line, read before cobra parses it so that
// --help and the refusal of a flag that comes before --lang are in that language too.
func langArg(args []string) string {
	for i, a := range args {
		switch {
		case a == "--":
			return ""
		case strings.HasPrefix(a, "--lang="):
			return strings.TrimPrefix(a, "--lang=")
		case a == "--lang" && i+1 < len(args):
			return args[i+1]
		}
	}
	return ""
}
