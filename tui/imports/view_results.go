package imports

import (
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"rollcall/importers"
	"rollcall/model"
)

// previewCell caps a preview column, so several columns fit side by side.
const previewCell = 18

func (m *Model) detectedView() string {
	cat, st := m.sess.Cat, m.sess.Styles
	t := cat.ImportScreen
	var b strings.Builder
	b.WriteString(st.Title.Render(t.DetectTitle) + "\n")
	if m.detectErr != nil {
		b.WriteString(m.wrap(st.Error.Render(cat.Error(m.detectErr))) + "\n")
		return b.String()
	}
	first, last := m.detectionWindow()
	for i, d := range m.detections[first:last] {
		i += first
		marker := "  "
		if i == m.current {
			marker = st.Selected.Render("› ")
		}
		b.WriteString(m.cut(marker+pad(filepath.Base(d.Path), 24)+" "+m.detectionFacts(d)) + "\n")
		if d.Problem != nil {
			b.WriteString(m.wrap("    "+st.Error.Render(m.rowError(d.Problem))) + "\n")
		}
		if len(d.Files) > 0 {
			names := make([]string, len(d.Files))
			for j, f := range d.Files {
				names[j] = filepath.Base(f)
			}
			b.WriteString(m.cut("    "+st.Muted.Render(fmt.Sprintf(t.SetFiles, strings.Join(names, ", ")))) + "\n")
		}
	}
	if m.current < len(m.detections) {
		b.WriteString("\n" + m.previewView(m.detections[m.current]))
	}
	if len(m.orgs) == 0 && !m.setFormat() {
		b.WriteString("\n" + m.wrap(st.Error.Render(t.NoOrg)) + "\n")
	}
	b.WriteString("\n" + m.wrap(st.Muted.Render(t.DetectNext)) + "\n")
	return b.String()
}

// detectionWindow is the detections on show: all of them, or, for a folder of many files, the
// ones around the cursor, leaving room for the preview.
func (m *Model) detectionWindow() (first, last int) {
	n := len(m.detections)
	room := max(m.height-tabsHeight-3-importers.PreviewRows-6, 3)
	if n <= room {
		return 0, n
	}
	first = min(max(m.current-room/2, 0), n-room)
	return first, first + room
}

// detectionFacts is "format ent · encoding windows-1252 · delimiter ; · profile Student".
func (m *Model) detectionFacts(d importers.Detection) string {
	cat, st := m.sess.Cat, m.sess.Styles
	t := cat.ImportScreen
	if d.Format == "" {
		return st.Error.Render(t.NoFormat)
	}
	facts := []string{t.Format + " " + st.Primary.Render(string(d.Format))}
	if d.Encoding != "" {
		facts = append(facts, t.Encoding+" "+string(d.Encoding))
	}
	if d.Delimiter != 0 {
		delim := string(d.Delimiter)
		if d.Delimiter == '\t' {
			delim = t.Tab
		}
		facts = append(facts, t.Delimiter+" "+delim)
	}
	if d.Sheet != "" {
		facts = append(facts, t.Sheet+" "+d.Sheet)
	}
	if d.Profile != 0 {
		facts = append(facts, t.Profile+" "+cat.Profile(d.Profile))
	} else if !d.Set {
		facts = append(facts, t.Profile+" "+t.ProfileFromRows)
	}
	return strings.Join(facts, st.Muted.Render(" · "))
}

// previewView shows the header and first rows of a detection, as many columns as fit.
func (m *Model) previewView(d importers.Detection) string {
	st := m.sess.Styles
	if len(d.Headers) == 0 {
		return ""
	}
	name := filepath.Base(d.Path)
	var b strings.Builder
	b.WriteString(st.Primary.Render(fmt.Sprintf(m.sess.Cat.ImportScreen.Preview, name)) + "\n")
	// The cells are the file's as read, before any check: a control character shows as its
	// picture, never reaches the terminal.
	headers, rows := printableRow(d.Headers), make([][]string, len(d.Preview))
	for i, r := range d.Preview {
		rows[i] = printableRow(r)
	}
	widths := make([]int, len(headers))
	for i, h := range headers {
		widths[i] = min(lipgloss.Width(h), previewCell)
		for _, r := range rows {
			if i < len(r) {
				widths[i] = max(widths[i], min(lipgloss.Width(r[i]), previewCell))
			}
		}
	}
	row := func(cells []string) string {
		var parts []string
		for i, w := range widths {
			c := ""
			if i < len(cells) {
				c = cells[i]
			}
			parts = append(parts, pad(ansi.Truncate(c, w, "…"), w))
		}
		return m.cut("  " + strings.Join(parts, st.Muted.Render(" │ ")))
	}
	b.WriteString(st.Selected.Render(row(headers)) + "\n")
	for _, r := range rows {
		b.WriteString(row(r) + "\n")
	}
	return b.String()
}

func printableRow(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = model.Printable(c)
	}
	return out
}

func (m *Model) optionsView() string {
	cat, st := m.sess.Cat, m.sess.Styles
	names := make([]string, 0, len(m.detections))
	for _, d := range m.detections {
		names = append(names, filepath.Base(d.Path))
	}
	head := st.Title.Render(cat.ImportScreen.OptionsTitle) + "  " +
		st.Muted.Render(strings.Join(names, ", ")+" ("+string(m.lead().Format)+")")
	out := m.cut(head) + "\n"
	if m.notice != "" {
		out += st.Error.Render(m.notice) + "\n"
	}
	return out + "\n" + m.forms.Form.View()
}

// wrap wraps text to the body width.
func (m *Model) wrap(s string) string {
	return lipgloss.NewStyle().Width(max(m.width-2, 20)).Render(s)
}
