package app

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/gocarina/gocsv"
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

// ExportUsersToFile is ExportUsers into the file path, written whole or not at all (see
// writeFile): a cancelled or failed export leaves no half file, and an older one stays.
func (a *App) ExportUsersToFile(ctx context.Context, admin model.Admin, sel model.Selection, format ExportFormat, labels ExportLabels, path string) (n int, err error) {
	err = writeFile(path, func(w io.Writer) error {
		n, err = a.ExportUsers(ctx, admin, sel, format, labels, w)
		return err
	})
	return n, err
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
	// The header is in the admin's language, so it is written here rather than from the tags.
	if err := out.Write(labels.Headers[:]); err != nil {
		return 0, err
	}
	batch := make([]exportRecord, 0, exportBatch)
	for i := 0; i < len(ids); i += exportBatch {
		if ctx.Err() != nil {
			return i, ctx.Err()
		}
		batch = batch[:0]
		for _, id := range ids[i:min(i+exportBatch, len(ids))] {
			u, err := a.store.User(ctx, id)
			if err != nil {
				return i, err
			}
			batch = append(batch, newExportRecord(&u, classNames, labels))
		}
		if err := gocsv.MarshalCSVWithoutHeaders(batch, out); err != nil {
			return i, err
		}
	}
	return len(ids), out.close()
}

// exportBatch is how many users are read, then written, at a time: cancellation is checked
// between batches, and memory stays flat whatever the selection's size.
const exportBatch = 1024

// exportRecord is one exported user; gocsv writes its fields in this order, which is the
// order of ExportLabels.Headers. The tags name the columns for code; people read the labels.
type exportRecord struct {
	LastName       string `csv:"last_name"`
	FirstName      string `csv:"first_name"`
	Profile        string `csv:"profile"`
	Login          string `csv:"login"`
	ActivationCode string `csv:"activation_code"` // only while the account is not activated
	Email          string `csv:"email"`
	Classes        string `csv:"classes"`
	Created        string `csv:"created"`
}

func newExportRecord(u *model.User, classNames map[model.ID]string, labels ExportLabels) exportRecord {
	var classes []string
	for _, id := range u.ClassIDs {
		classes = append(classes, classNames[id])
	}
	code := ""
	if !u.Activated() {
		code = model.FormatCode(u.ActivationCode)
	}
	return exportRecord{LastName: u.LastName, FirstName: u.FirstName, Profile: labels.Profile(u.Profile), Login: u.Login,
		ActivationCode: code, Email: u.Email, Classes: strings.Join(classes, ", "), Created: labels.Date(u.CreatedAt)}
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

// rowWriter is the gocsv.CSVWriter both formats are written through: it neutralises every
// cell, then writes CSV (encoding/csv configured for Excel) or XLSX rows (excelize's stream).
type rowWriter struct {
	csv  *csv.Writer
	xlsx *excelize.File
	sw   *excelize.StreamWriter
	dest io.Writer
	row  int
	err  error
	safe []string
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

// Write writes one row, each cell neutralised.
func (r *rowWriter) Write(cells []string) error {
	r.safe = r.safe[:0]
	for _, c := range cells {
		r.safe = append(r.safe, model.NeutralizeCell(c))
	}
	if r.csv != nil {
		return r.csv.Write(r.safe)
	}
	r.row++
	values := make([]any, len(r.safe))
	for i, c := range r.safe {
		values[i] = excelize.Cell{Value: c} // always a string cell, never a formula
	}
	cell, err := excelize.CoordinatesToCellName(1, r.row)
	if err == nil {
		err = r.sw.SetRow(cell, values)
	}
	if err != nil && r.err == nil {
		r.err = err
	}
	return err
}

// Flush pushes buffered CSV out; XLSX rows stay in the stream until close.
func (r *rowWriter) Flush() {
	if r.csv != nil {
		r.csv.Flush()
	}
}

// Error is the first error a write met.
func (r *rowWriter) Error() error {
	if r.csv != nil {
		return r.csv.Error()
	}
	return r.err
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
