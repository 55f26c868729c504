package screen

import "charm.land/lipgloss/v2"

// ParagraphWidth caps prose: past about 76 columns a line is hard to follow.
const ParagraphWidth = 76

// Paragraph wraps prose (a pitch, a notice, an error) to the body width, at most ParagraphWidth,
// so nothing is cut at the terminal's edge.
func Paragraph(s string, width int) string {
	return lipgloss.NewStyle().Width(min(max(width, 20), ParagraphWidth)).Render(s)
}
