package main

import (
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"rollcall/app"
	"rollcall/model"
)

func newImportTemplateCmd(f *factory) *cobra.Command {
	var format, output string
	cmd := &cobra.Command{
		Use:   "template students|teachers|parents|staff [--format xlsx|csv] [-o FILE]",
		Short: "Write an empty spreadsheet template to fill and import, required columns marked with *, in your language",
		Example: `  rollcall import template teachers --format xlsx -o enseignants.xlsx
  rollcall import template students --format csv`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			p, ok := model.ParseProfile(args[0])
			if !ok || p == model.Guest {
				return flagError("profile", args[0])
			}
			var ef app.ExportFormat
			switch strings.ToLower(format) {
			case "xlsx":
				ef = app.ExportXLSX
			case "csv":
				ef = app.ExportCSV
			default:
				return flagError("format", format)
			}
			if f.lang == "" { // the signed-in admin's language, unless --lang names one
				if _, err := signedIn(cmd.Context(), f); err != nil {
					return err
				}
			}
			cat := f.Catalog()
			sheet := cat.TemplateSheet(p)
			if output == "" {
				output = sheet + "." + strings.ToLower(format)
			}
			if err := app.WriteImportTemplate(p, ef, app.TemplateLabels(cat.ImportSync.Template), sheet, output); err != nil {
				return err
			}
			f.say(cat.ImportSync.TemplateWritten, sheet, filepath.Clean(output))
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "xlsx", "xlsx or csv")
	cmd.Flags().StringVarP(&output, "output", "o", "", "file to write (default: the profile's name, such as Teachers.xlsx)")
	return cmd
}
