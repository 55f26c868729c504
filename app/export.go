package app

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"rollcall/model"
)

// ExportFormat is a file format for the user list.
type ExportFormat uint8

// Export formats: CSV for Excel (UTF-8 with BOM, commas), CSV for French Excel (semicolons),
// and XLSX.
const (
	ExportCSV ExportFormat = iota
	ExportCSVSemicolon
	ExportXLSX
)

// ExportLabels are the words of the export in the admin's language: app writes no prose itself.
type ExportLabels struct {
	Headers [8]string // last name, first name, profile, login, activation code, email, class, created
	Profile func(model.Profile) string
	Date    func(time.Time) string
}

// ExportUsers writes the selection's users, in its order, with the preview's columns. Every
// cell is neutralised against formula injection. It returns how many users were written.
func (a *App) ExportUsers(ctx context.Context, admin model.Admin, sel model.Selection, format ExportFormat, labels ExportLabels, w io.Writer) (int, error) {
	ids, err := a.SelectUserIDs(ctx, admin, sel)
	if err != nil {
		return 0, err
	}
	classNames, err := a.classNames(ctx)
	if err != nil {
		return 0, err
	}
	out, err := newRowWriter(format, w)
	if err != nil {
		return 0, err
	}
	if err := out.write(labels.Headers[:]); err != nil {
		return 0, err
	}
	for i, id := range ids {
		if i%1024 == 0 && ctx.Err() != nil {
			return i, ctx.Err()
		}
		u, err := a.store.User(ctx, id)
		if err != nil {
			return i, err
		}
		if err := out.write(exportRow(&u, classNames, labels)); err != nil {
			return i, err
		}
	}
	return len(ids), out.close()
}

func exportRow(u *model.User, classNames map[model.ID]string, labels ExportLabels) []string {
	var classes []string
	for _, id := range u.ClassIDs {
		classes = append(classes, classNames[id])
	}
	code := ""
	if !u.Activated() {
		code = model.FormatCode(u.ActivationCode)
	}
	return []string{u.LastName, u.FirstName, labels.Profile(u.Profile), u.Login, code, u.Email,
		strings.Join(classes, ", "), labels.Date(u.CreatedAt)}
}

func (a *App) classNames(ctx context.Context) (map[model.ID]string, error) {
	cs, err := a.store.ListClasses(ctx)
	if err != nil {
		return nil, err
	}
	m := make(map[model.ID]string, len(cs))
	for _, c := range cs {
		m[c.ID] = c.Name
	}
	return m, nil
}

// rowWriter writes neutralised rows to CSV or XLSX.
type rowWriter struct {
	csv  *csv.Writer
	xlsx *excelize.File
	sw   *excelize.StreamWriter
	dest io.Writer
	row  int
}

func newRowWriter(format ExportFormat, w io.Writer) (*rowWriter, error) {
	switch format {
	case ExportCSV, ExportCSVSemicolon:
		if _, err := io.WriteString(w, "\ufeff"); err != nil { // the BOM tells Excel it is UTF-8
			return nil, err
		}
		cw := csv.NewWriter(w)
		cw.UseCRLF = true
		if format == ExportCSVSemicolon {
			cw.Comma = ';'
		}
		return &rowWriter{csv: cw}, nil
	case ExportXLSX:
		f := excelize.NewFile()
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			return nil, err
		}
		return &rowWriter{xlsx: f, sw: sw, dest: w}, nil
	}
	return nil, fmt.Errorf("export: unknown format %d", format)
}

func (r *rowWriter) write(cells []string) error {
	safe := make([]string, len(cells))
	for i, c := range cells {
		safe[i] = model.NeutralizeCell(c)
	}
	if r.csv != nil {
		return r.csv.Write(safe)
	}
	r.row++
	values := make([]any, len(safe))
	for i, c := range safe {
		values[i] = excelize.Cell{Value: c} // always a string cell, never a formula
	}
	cell, err := excelize.CoordinatesToCellName(1, r.row)
	if err != nil {
		return err
	}
	return r.sw.SetRow(cell, values)
}

func (r *rowWriter) close() error {
	if r.csv != nil {
		r.csv.Flush()
		return r.csv.Error()
	}
	if err := r.sw.Flush(); err != nil {
		return err
	}
	if _, err := r.xlsx.WriteTo(r.dest); err != nil {
		return err
	}
	return r.xlsx.Close()
}
