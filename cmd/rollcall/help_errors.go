package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"rollcall/i18n"
	"rollcall/model"
)

// sayer is an error that can tell itself in the admin's language.
type sayer interface{ say(*i18n.Catalog) string }

// sayError is err in the catalogue's language when it can say itself, else its own text.
func sayError(cat *i18n.Catalog, err error) string {
	var s sayer
	if errors.As(err, &s) {
		return s.say(cat)
	}
	return err.Error()
}

// flagParseError is pflag's refusal of the flags of a command line (an unknown flag, a missing
// or bad value), told in the admin's language.
type flagParseError struct{ err error }

func (e flagParseError) Error() string { return e.err.Error() }
func (e flagParseError) Unwrap() error { return e.err }

func (e flagParseError) say(cat *i18n.Catalog) string {
	h := &cat.Help
	var notExist *pflag.NotExistError
	var noValue *pflag.ValueRequiredError
	var invalid *pflag.InvalidValueError
	var syntax *pflag.InvalidSyntaxError
	switch {
	case errors.As(e.err, &notExist):
		name, group := notExist.GetSpecifiedName(), notExist.GetSpecifiedShortnames()
		if group != "" && name != "" {
			return fmt.Sprintf(h.UnknownShorthand, []rune(name)[0], "-"+group)
		}
		return fmt.Sprintf(h.UnknownFlag, "--"+name)
	case errors.As(e.err, &noValue):
		name, group := noValue.GetSpecifiedName(), noValue.GetSpecifiedShortnames()
		if group != "" && name != "" {
			return fmt.Sprintf(h.FlagNeedsValueShort, []rune(name)[0], "-"+group)
		}
		return fmt.Sprintf(h.FlagNeedsValue, "--"+name)
	case errors.As(e.err, &invalid) && invalid.GetFlag() != nil:
		fl := invalid.GetFlag()
		name := "--" + fl.Name
		if fl.Shorthand != "" && fl.ShorthandDeprecated == "" {
			name = "-" + fl.Shorthand + ", --" + fl.Name
		}
		return fmt.Sprintf(h.InvalidFlagValue, invalid.GetValue(), name, valueProblem(h, errors.Unwrap(invalid)))
	case errors.As(e.err, &syntax):
		return fmt.Sprintf(h.BadFlagSyntax, syntax.GetSpecifiedFlag())
	}
	return e.err.Error()
}

// valueProblem says why a flag's value was refused: the parsers of numbers, booleans and
// durations speak Go, not to people.
func valueProblem(h *i18n.HelpTexts, cause error) string {
	var num *strconv.NumError
	switch {
	case cause == nil:
		return ""
	case errors.As(cause, &num) && num.Func == "ParseBool":
		return h.NotABool
	case errors.As(cause, &num) && errors.Is(num.Err, strconv.ErrRange):
		return h.OutOfRange
	case errors.As(cause, &num):
		return h.NotANumber
	case strings.HasPrefix(cause.Error(), "time: "):
		return h.NotADuration
	}
	return cause.Error()
}

// argsError is a command given a wrong number of arguments, as cobra's validators
// (ExactArgs, MaximumNArgs, …) refuse it, told in the admin's language.
type argsError struct {
	err  error
	path string   // the command's path
	args []string // the arguments given
}

func (e argsError) Error() string { return e.err.Error() }
func (e argsError) Unwrap() error { return e.err }

func (e argsError) say(cat *i18n.Catalog) string {
	h := &cat.Help
	msg := e.err.Error()
	n := func(count int) string { return cat.Phrase(count, h.Arguments) }
	var want, most, got int
	switch {
	case strings.HasPrefix(msg, "unknown command ") && len(e.args) > 0: // cobra.NoArgs
		return unknownCommandError{typed: e.args[0], path: e.path}.say(cat)
	case scanned(msg, "accepts at most %d arg(s), received %d", &want, &got):
		return fmt.Sprintf(h.ArgsAtMost, n(want), got)
	case scanned(msg, "accepts between %d and %d arg(s), received %d", &want, &most, &got):
		return fmt.Sprintf(h.ArgsBetween, want, n(most), got)
	case scanned(msg, "requires at least %d arg(s), only received %d", &want, &got):
		return fmt.Sprintf(h.ArgsAtLeast, n(want), got)
	case scanned(msg, "accepts %d arg(s), received %d", &want, &got):
		return fmt.Sprintf(h.ArgsExact, n(want), got)
	}
	return msg
}

// scanned tells whether s reads as format, filling vs.
func scanned(s, format string, vs ...any) bool {
	n, err := fmt.Sscanf(s, format, vs...)
	return err == nil && n == len(vs)
}

// requiredFlagsError names the flags a command requires (MarkFlagRequired) that were not
// given; cobra's own check would say it in English, as an internal error.
type requiredFlagsError struct{ names []string }

func (e requiredFlagsError) Error() string { return e.say(i18n.For(model.English)) }

func (e requiredFlagsError) say(cat *i18n.Catalog) string {
	h := &cat.Help
	names := make([]string, len(e.names))
	for i, n := range e.names {
		names[i] = fmt.Sprintf(h.RequiredFlag, n)
	}
	msg := h.RequiredFlags.Many
	if len(names) == 1 {
		msg = h.RequiredFlags.One
	}
	return fmt.Sprintf(msg, strings.Join(names, ", "))
}

// missingFlags refuses a command line that lacks a flag the command requires, as a usage error.
func missingFlags(cmd *cobra.Command) error {
	if cmd.DisableFlagParsing {
		return nil
	}
	var missing []string
	cmd.Flags().VisitAll(func(fl *pflag.Flag) {
		if req := fl.Annotations[cobra.BashCompOneRequiredFlag]; len(req) > 0 && req[0] == "true" && !fl.Changed {
			missing = append(missing, fl.Name)
		}
	})
	if len(missing) > 0 {
		return usageError{requiredFlagsError{missing}}
	}
	return nil
}
