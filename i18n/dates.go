package i18n

import (
	"fmt"
	"time"

	"rollcall/model"
)

var monthsEN = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
var monthsFR = [12]string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}

// Date formats a calendar date the way the language writes it: "30 Sep 2026", "30 sept. 2026".
func (c *Catalog) Date(d model.Date) string {
	if d.IsZero() || d.Month < 1 || d.Month > 12 {
		return ""
	}
	months := monthsEN
	if c.Lang == model.French {
		months = monthsFR
	}
	return fmt.Sprintf("%d %s %d", d.Day, months[d.Month-1], d.Year)
}

// DateTime formats a moment in the local zone: "30 Sep 2026 14:05".
func (c *Catalog) DateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.Local()
	return c.Date(model.DateOf(t)) + " " + t.Format("15:04")
}

// Duration formats a wait for a person: "45 s", "3 min".
func (c *Catalog) Duration(d time.Duration) string {
	if d < time.Second {
		d = time.Second
	}
	if d < time.Minute {
		return fmt.Sprintf("%d s", int(d.Round(time.Second)/time.Second))
	}
	return fmt.Sprintf("%d min", int((d+time.Minute-1)/time.Minute))
}
