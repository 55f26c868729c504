package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"rollcall/app"
	"rollcall/i18n"
	"rollcall/mailmerge"
	"rollcall/model"
)

func newMergeCmd(f *factory) *cobra.Command {
	cmd := &cobra.Command{Use: "merge", Short: "Print login cards and email accounts to the people of a selection"}
	cmd.AddCommand(newMergePDFCmd(f), newMergeEmailCmd(f), newMergeStatusCmd(f), newMergeResumeCmd(f))
	return cmd
}

// profileLabel names a profile in a language from the catalogues (what cards print).
func profileLabel(p model.Profile, lang model.Language) string { return i18n.For(lang).Profile(p) }

// mergeFlags are what every merge command shares besides the selection.
type mergeFlags struct {
	templates, activationURL string
}

func (m *mergeFlags) register(fl *pflag.FlagSet) {
	fl.StringVar(&m.templates, "templates", "", "directory of edited templates (see rollcall templates export; default: the settings')")
	fl.StringVar(&m.activationURL, "activation-url", "", "the school's account page for this run (default: the settings')")
}

func (m *mergeFlags) options() app.MergeOptions {
	return app.MergeOptions{ProfileLabel: profileLabel, TemplateDir: m.templates, ActivationURL: m.activationURL}
}

// mergePDFOptions are the flags of merge pdf.
type mergePDFOptions struct {
	f              *factory
	sel            selectionFlags
	merge          mergeFlags
	perSheet       int
	paper, out     string
	splitBy        string
	dryRun, asJSON bool
}

// mergeResultJSON is the stable --json shape of merge pdf.
type mergeResultJSON struct {
	Cards     int      `json:"cards"`
	Pages     int      `json:"pages"`
	Files     []string `json:"files"`
	WithEmail int      `json:"with_email"`
	Activated int      `json:"activated"`
	Suspended int      `json:"suspended"` // suspended accounts of the selection, who get no card
	DryRun    bool     `json:"dry_run"`
	FirstCard string   `json:"first_card,omitempty"`
}

func newMergePDFCmd(f *factory) *cobra.Command {
	o := &mergePDFOptions{f: f}
	cmd := &cobra.Command{
		Use:   "pdf",
		Short: "Print the login cards of a selection to a PDF (1, 2 or 8 per sheet)",
		Long: `Print one login card per person of the selection, in its order. A card for an account
not activated yet carries the login, the activation code and the activation address (with a
QR code of it); an activated account's card reminds the login and how to reset a forgotten
password. Each card is in its person's language, else yours.`,
		Example: `  rollcall merge pdf --class "6e A" --activated no -o 6eA.pdf
  rollcall merge pdf --profile student --per-sheet 8 --split-by class -o cards/`,
		RunE: func(cmd *cobra.Command, _ []string) error { return runMergePDF(cmd.Context(), o) },
	}
	o.sel.register(cmd.Flags())
	o.merge.register(cmd.Flags())
	fl := cmd.Flags()
	fl.IntVar(&o.perSheet, "per-sheet", 8, "cards per sheet: 1, 2 or 8")
	fl.StringVar(&o.paper, "paper", "a4", "a4 or letter")
	fl.StringVarP(&o.out, "output", "o", "", "the PDF to write (with --split-by class: a directory; -: stdout)")
	fl.StringVar(&o.splitBy, "split-by", "", "class: one PDF per class")
	fl.BoolVar(&o.dryRun, "dry-run", false, "count the cards and show the first one without writing")
	fl.BoolVar(&o.asJSON, "json", false, "print the result as JSON")
	return cmd
}

func (o *mergePDFOptions) layout() (mailmerge.Layout, error) {
	l := mailmerge.Layout{PerSheet: o.perSheet}
	switch o.perSheet {
	case 1, 2, 8:
	default:
		return l, usageError{fmt.Errorf(o.f.Catalog().CLIUsage.PerSheet, o.perSheet)}
	}
	switch strings.ToLower(o.paper) {
	case "a4":
		l.Paper = mailmerge.A4
	case "letter":
		l.Paper = mailmerge.Letter
	default:
		return l, usageError{fmt.Errorf(o.f.Catalog().CLIUsage.Paper, o.paper)}
	}
	if o.splitBy != "" && o.splitBy != "class" {
		return l, usageError{fmt.Errorf(o.f.Catalog().CLIUsage.SplitBy, o.splitBy)}
	}
	if o.out == "" && !o.dryRun {
		return l, usageError{errors.New(o.f.Catalog().CLIUsage.CardsOutput)}
	}
	return l, nil
}

func runMergePDF(ctx context.Context, o *mergePDFOptions) error {
	f := o.f
	layout, err := o.layout()
	if err != nil {
		return err
	}
	sess, err := signedIn(ctx, f)
	if err != nil {
		return err
	}
	sel, err := o.sel.selection(ctx, sess)
	if err != nil {
		return err
	}
	cat := f.Catalog()
	if o.dryRun {
		return mergePDFDryRun(ctx, f, sess, sel, o)
	}
	progress := f.pageProgress(cat)
	var res app.MergeResult
	switch {
	case o.out == "-" && o.splitBy != "":
		return usageError{errors.New(o.f.Catalog().CLIUsage.StdoutSplit)}
	case o.out == "-": // the PDF itself on stdout (ssh server merge pdf … -o - > cards.pdf)
		progress = nil
		res, err = sess.MergePDF(ctx, sel, layout, o.merge.options(), f.env.rawStdout, nil)
	case o.splitBy == "class":
		if err := os.MkdirAll(o.out, 0o755); err != nil {
			return err
		}
		res, err = sess.MergePDFSplit(ctx, sel, layout, o.merge.options(), o.out, "", progress)
	default:
		res, err = sess.MergePDFFile(ctx, sel, layout, o.merge.options(), o.out, progress)
	}
	f.endProgress()
	if err != nil {
		return err
	}
	if o.asJSON && o.out != "-" {
		return f.printJSON(mergeResultJSON{Cards: res.Cards, Pages: res.Pages, Files: res.Files, Suspended: res.Suspended})
	}
	if res.Suspended > 0 {
		f.say(cat.Accounts.SuspendedSkipped, cat.Count(res.Suspended, cat.Nouns.User))
	}
	if o.splitBy == "class" {
		f.say("%s", cat.WrittenSplit(res.Cards, res.Pages, len(res.Files), o.out))
	} else {
		f.say("%s", cat.Written(res.Cards, res.Pages, o.out))
	}
	for _, p := range res.Files {
		fmt.Fprintln(f.env.stdout, p)
	}
	return nil
}

func mergePDFDryRun(ctx context.Context, f *factory, sess *app.Session, sel model.Selection, o *mergePDFOptions) error {
	p, err := sess.PreviewMerge(ctx, sel, o.merge.options())
	if err != nil {
		return err
	}
	pages := (p.Counts.Total + o.perSheet - 1) / o.perSheet
	if o.asJSON {
		return f.printJSON(mergeResultJSON{Cards: p.Counts.Total, Pages: pages, Files: []string{}, DryRun: true,
			WithEmail: p.Counts.WithEmail, Activated: p.Counts.Activated, Suspended: p.Counts.Suspended, FirstCard: p.CardText})
	}
	cat := f.Catalog()
	sayDryRun(f)
	f.say(cat.MailMerge.Counts, cat.Int(p.Counts.Total), cat.Int(p.Counts.WithEmail), cat.Int(p.Counts.Activated))
	if p.Counts.Suspended > 0 {
		f.say(cat.Accounts.SuspendedSkipped, cat.Count(p.Counts.Suspended, cat.Nouns.User))
	}
	if p.NoActivationURL && o.merge.activationURL == "" {
		f.say("%s", cat.MailMerge.ErrNoActivationURL)
	}
	if p.Card != nil {
		fmt.Fprintf(f.env.stdout, "%s\n%s\n", cat.MailMerge.FirstCard, p.CardText)
	}
	return nil
}

// pageProgress shows "Pages written: n of N" on a terminal, nothing otherwise.
func (f *factory) pageProgress(cat *i18n.Catalog) func(done, total int) {
	if !f.env.stdoutTTY {
		return nil
	}
	return func(done, total int) {
		fmt.Fprintf(f.env.stderr, "\r"+cat.MailMerge.Pages, cat.Int(done), cat.Int(total))
	}
}

// endProgress ends a progress line.
func (f *factory) endProgress() {
	if f.env.stdoutTTY {
		fmt.Fprintln(f.env.stderr)
	}
}
