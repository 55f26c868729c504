package model

import (
	"encoding/json"
	"fmt"
	"strings"
)

// DisplayCatalog lists the interactive display models whose purchase comes with a bonus
// subscription: a serial's prefix names the model, and the model says what the school gets.
type DisplayCatalog struct {
	Version int            `json:"version"`
	Models  []DisplayModel `json:"models"`
}

// DisplayModel is one display model of the catalogue and the subscription it comes with.
type DisplayModel struct {
	Prefix          string `json:"prefix"`            // the serial's first characters: "TBX65"
	Name            string `json:"name"`              // the model's name: "TeachBoard X65"
	Vendor          string `json:"vendor"`            // who sells it
	Product         string `json:"product"`           // the bonus subscription's product
	Digits          int    `json:"digits"`            // digits after the prefix, before the check digit
	SeatsPerDisplay int    `json:"seats_per_display"` // seats (and one product key) per display
	TermMonths      int    `json:"term_months"`       // how long the bonus lasts from the claim
	Renews          bool   `json:"renews,omitempty"`  // the term renews instead of ending
	MaxDisplays     int    `json:"max_displays"`      // the most displays one claim may count
	DemoOnly        bool   `json:"demo_only,omitempty"`
}

// Catalogue limits: a claim never reaches absurd seat counts.
const (
	maxSerialDigits  = 16
	maxDisplaysLimit = 10_000
)

// ParseDisplayCatalog reads a catalogue file (JSON) and checks every model.
func ParseDisplayCatalog(data []byte) (*DisplayCatalog, error) {
	var c DisplayCatalog
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, fmt.Errorf("display catalogue: %w", &ValidationError{Field: "catalog", Rule: RuleUnknownValue, Value: err.Error()})
	}
	if c.Version != 1 {
		return nil, fmt.Errorf("display catalogue: %w", &ValidationError{Field: "catalog_version", Rule: RuleUnknownValue, Value: fmt.Sprint(c.Version)})
	}
	seen := map[string]bool{}
	for i := range c.Models {
		m := &c.Models[i]
		m.Prefix = strings.ToUpper(strings.TrimSpace(m.Prefix))
		if err := m.check(); err != nil {
			return nil, fmt.Errorf("display catalogue, model %d (%s): %w", i+1, m.Prefix, err)
		}
		if seen[m.Prefix] {
			return nil, fmt.Errorf("display catalogue, model %d: %w", i+1, &ValidationError{Field: "prefix", Rule: RuleUnknownValue, Value: m.Prefix})
		}
		seen[m.Prefix] = true
	}
	return &c, nil
}

func (m *DisplayModel) check() error {
	var errs ValidationErrors
	bad := func(field, v string) {
		errs = append(errs, &ValidationError{Field: field, Rule: RuleUnknownValue, Value: v})
	}
	if len(m.Prefix) < 2 || len(m.Prefix) > 8 || !alnum(m.Prefix) || isDigit(m.Prefix[len(m.Prefix)-1]) {
		bad("prefix", m.Prefix) // ends with a letter, so prefix and digits never blur
	}
	if m.Product == "" || len(m.Product) > MaxProductLen {
		bad("product", m.Product)
	}
	if m.Digits < 4 || m.Digits > maxSerialDigits {
		bad("digits", fmt.Sprint(m.Digits))
	}
	if m.SeatsPerDisplay < 1 || m.SeatsPerDisplay > 100 {
		bad("seats_per_display", fmt.Sprint(m.SeatsPerDisplay))
	}
	if m.TermMonths < 1 || m.TermMonths > 120 {
		bad("term_months", fmt.Sprint(m.TermMonths))
	}
	if m.MaxDisplays < 1 || m.MaxDisplays > maxDisplaysLimit {
		bad("max_displays", fmt.Sprint(m.MaxDisplays))
	}
	return errs.Err()
}

func alnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) && (s[i] < 'A' || s[i] > 'Z') {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// NormalizeSerial upper-cases a typed serial and drops spaces, dashes and dots.
func NormalizeSerial(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(strings.TrimSpace(s)) {
		switch r {
		case ' ', '-', '.', '\t', '/':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// LookupSerial finds the model of a display serial and checks its length and check digit.
// It returns the model and the serial in its normal form, or a *ClaimCodeError.
func (c *DisplayCatalog) LookupSerial(serial string) (DisplayModel, string, error) {
	s := NormalizeSerial(serial)
	if s == "" {
		return DisplayModel{}, "", &ClaimCodeError{Problem: ClaimEmpty}
	}
	if len(s) > 8+maxSerialDigits+1 || !alnum(s) {
		return DisplayModel{}, s, &ClaimCodeError{Problem: SerialMalformed}
	}
	var best *DisplayModel
	for i := range c.Models {
		m := &c.Models[i]
		if strings.HasPrefix(s, m.Prefix) && (best == nil || len(m.Prefix) > len(best.Prefix)) {
			best = m
		}
	}
	if best == nil {
		return DisplayModel{}, s, &ClaimCodeError{Problem: SerialUnknownModel}
	}
	digits := s[len(best.Prefix):]
	if len(digits) != best.Digits+1 || !allDigits(digits) {
		return *best, s, &ClaimCodeError{Problem: SerialMalformed}
	}
	if SerialCheckDigit(s[:len(s)-1]) != s[len(s)-1] {
		return *best, s, &ClaimCodeError{Problem: SerialBadCheckDigit}
	}
	return *best, s, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// SerialCheckDigit is the check digit of a serial's body (prefix and digits, normalized): the
// Luhn digit over the body with each letter read as its value 10–35, as ISIN numbers do. It
// catches every single wrong character and most swaps of two neighbours.
func SerialCheckDigit(body string) byte {
	var digits []byte
	for i := 0; i < len(body); i++ {
		c := body[i]
		switch {
		case isDigit(c):
			digits = append(digits, c-'0')
		case c >= 'A' && c <= 'Z':
			v := c - 'A' + 10
			digits = append(digits, v/10, v%10)
		}
	}
	sum := 0
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i])
		if (len(digits)-1-i)%2 == 0 { // the rightmost digit is doubled: the check digit goes after it
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return byte('0' + (10-sum%10)%10)
}

// FormatSerial groups a normalized serial for reading: prefix, then the digits by four.
func (m DisplayModel) FormatSerial(s string) string {
	if !strings.HasPrefix(s, m.Prefix) {
		return s
	}
	var b strings.Builder
	b.WriteString(m.Prefix)
	rest := s[len(m.Prefix):]
	for i := 0; i < len(rest); i += 4 {
		b.WriteByte('-')
		b.WriteString(rest[i:min(i+4, len(rest))])
	}
	return b.String()
}

// CheckDisplays refuses a number of displays outside 1..MaxDisplays.
func (m DisplayModel) CheckDisplays(n int) error {
	if n < 1 || n > m.MaxDisplays {
		return &ClaimCodeError{Problem: DisplaysCount, Max: m.MaxDisplays}
	}
	return nil
}
