package mailmerge

import "bytes"

// CardText runs the card template of c's language and returns its output: the card's text in
// CardMarkup, for a preview on a screen before printing. t nil means DefaultTemplates.
func (t *Templates) CardText(c Card) (string, error) {
	if t == nil {
		t = DefaultTemplates()
	}
	set, lang := t.forLanguage(c.Language)
	d := newTemplateData(c, lang, "", false)
	var buf bytes.Buffer
	if err := set.execCard(&buf, &d); err != nil {
		return "", err
	}
	return buf.String(), nil
}
