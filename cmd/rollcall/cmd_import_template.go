package main

import (
	"context"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/model"
)

type importTemplateOptions struct {
	f              *factory
	format, output string
	profile        string
}

func newImportTemplateCmd(f *factory) *cobra.Command {
	o := &importTemplateOptions{f: f}
	cmd := &cobra.Command{
		Use:   "template students|teachers|parents|staff [--format xlsx|csv] [-o FILE]",
		Short: "Write an empty spreadsheet template to fill and import, required columns marked with *, in your language",
		Example: `  rollcall import template teachers --format xlsx -o enseignants.xlsx
  rollcall import template students --format csv`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.profile = args[0]
			return runImportTemplate(cmd.Context(), o)
		},
	}
	cmd.Flags().StringVar(&o.format, "format", "xlsx", "xlsx or csv")
	cmd.Flags().StringVarP(&o.output, "output", "o", "", "file to write (default: the profile's name, such as Teachers.xlsx)")
	return cmd
}

func runImportTemplate(ctx context.Context, o *importTemplateOptions) error {
	f := o.f
	p, ok := model.ParseProfile(o.profile)
	if !ok || p == model.Guest {
		return flagError("profile", o.profile)
	}
	var ef app.ExportFormat
	switch strings.ToLower(o.format) {
	case "xlsx":
		ef = app.ExportXLSX
	case "csv":
		ef = app.ExportCSV
	default:
		return flagError("format", o.format)
	}
	if f.lang == "" { // the signed-in admin's language, unless --lang names one
		if _, err := signedIn(ctx, f); err != nil {
			return err
		}
	}
	cat := f.Catalog()
	sheet := cat.TemplateSheet(p)
	if o.output == "" {
		o.output = sheet + "." + strings.ToLower(o.format)
	}
	if err := app.WriteImportTemplate(p, ef, app.TemplateLabels(cat.ImportSync.Template), sheet, o.output); err != nil {
		return err
	}
	f.say(cat.ImportSync.TemplateWritten, sheet, filepath.Clean(o.output))
	return nil
}
