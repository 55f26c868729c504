package i18n

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"rollcall/model"
)

// The audit log's details are written by app once, in a fixed shape per action ("run 3 (ent):
// 2 created, 1 updated, 0 pending deletion"), and kept as written: --json shows them so. People
// read them through AuditDetail, which says the shapes it knows in the catalogue's language and
// leaves any other detail (a login, an email, a class code, an older shape) as it is.

// auditShape is one action's detail shape and how to say it.
type auditShape struct {
	re  *regexp.Regexp
	say func(c *Catalog, t AuditDetailTexts, m []string) string
}

var auditShapes = map[model.AuditAction]auditShape{
	model.AuditImport: {regexp.MustCompile(`^run (\d+) \(([^)]*)\): (\d+) created, (\d+) updated, (\d+) pending deletion$`),
		func(c *Catalog, t AuditDetailTexts, m []string) string {
			w := c.Import.Counts
			return fmt.Sprintf(t.Import, m[1], m[2], strings.Join([]string{count(c, m[3], w.Created),
				count(c, m[4], w.Updated), count(c, m[5], w.ToDelete)}, ", "))
		}},
	"settings.mail": {regexp.MustCompile(`^smtp (.*):(\d+) (\S*), from (.*), activation (.*)$`),
		func(c *Catalog, t AuditDetailTexts, m []string) string {
			server := t.None
			if m[1] != "" {
				port := m[2]
				if port == "0" {
					port = t.UsualPort
				}
				server = fmt.Sprintf(t.Server, m[1], port, security(t, m[3]))
			}
			url := m[5]
			if strings.TrimSpace(url) == "" {
				url = t.NoAddress
			}
			return fmt.Sprintf(t.Mail, server, orNone(t, m[4]), url)
		}},
	"settings.password_policy": {regexp.MustCompile(`^(\w+): (\d+)\+ ?(.*)$`),
		func(c *Catalog, t AuditDetailTexts, m []string) string {
			profile := m[1]
			if p, ok := model.ParseProfile(m[1]); ok {
				profile = c.Profile(p)
			}
			s := fmt.Sprintf(t.Policy, profile, m[2])
			if classes := charClasses(c, m[3]); classes != "" {
				s += fmt.Sprintf(t.PolicyWith, classes)
			}
			return s
		}},
	"settings.deletion_grace": {regexp.MustCompile(`^(\d+)$`),
		func(c *Catalog, t AuditDetailTexts, m []string) string {
			n, _ := strconv.Atoi(m[1])
			return fmt.Sprintf(t.Grace, c.Count(n, t.Day))
		}},
	model.AuditClaim: {regexp.MustCompile(`^(.*), (\d+) seats$`),
		func(c *Catalog, t AuditDetailTexts, m []string) string {
			return m[1] + ", " + seats(c, m[2])
		}},
	model.AuditRenew: {regexp.MustCompile(`^(.*), order (.*): until (\S*), \+(\d+) seats$`),
		func(c *Catalog, t AuditDetailTexts, m []string) string {
			until := m[3]
			if d, ok := model.ParseDate(until, model.ISODate); ok {
				until = c.Date(d)
			}
			return fmt.Sprintf(t.Renew, m[1], m[2], until, seats(c, m[4]))
		}},
	"mailmerge.campaign": {regexp.MustCompile(`^campaign (\d+): (\d+) recipients$`),
		func(c *Catalog, t AuditDetailTexts, m []string) string {
			return fmt.Sprintf(t.Campaign, m[1], num(c, m[2]))
		}},
	"mailmerge.send": {regexp.MustCompile(`^campaign (\d+) run (\d+): (\d+) sent, (\d+) failed, (\d+) left \((.*)\)$`),
		func(c *Catalog, t AuditDetailTexts, m []string) string {
			return fmt.Sprintf(t.Send, m[1], m[2], num(c, m[3]), num(c, m[4]), num(c, m[5]),
				c.CampaignState(model.CampaignState(m[6]), false))
		}},
	"mailmerge.cards": {regexp.MustCompile(`^(\d+) cards, (\d+) pages(?:, (\d+) files)?$`),
		func(c *Catalog, t AuditDetailTexts, m []string) string {
			s := fmt.Sprintf(t.Cards, num(c, m[1]), num(c, m[2]))
			if m[3] != "" {
				s += fmt.Sprintf(t.Files, num(c, m[3]))
			}
			return s
		}},
	model.AuditYearClose: {regexp.MustCompile(`^(.*): (\d+) left classes, (\d+) classes (\S+), (\d+) deleted, (\d+) seats freed, (\d+) codes voided$`),
		func(c *Catalog, t AuditDetailTexts, m []string) string {
			mode := map[string]string{"archive": t.Archived, "rename": t.Renamed, "keep": t.Kept}[m[4]]
			if mode == "" {
				mode = m[4]
			}
			return fmt.Sprintf(t.Year, m[1], num(c, m[2]), num(c, m[3]), mode, num(c, m[5]), num(c, m[6]), num(c, m[7]))
		}},
}

// seatShape is the detail of seats given, taken back or synced: "how: +N a, b; -M c".
var seatShape = regexp.MustCompile(`^(?:(.*?): )?((?:[+-]\d+ [^;]*)(?:; [+-]\d+ [^;]*)*)$`)

func init() {
	auditShapes[model.AuditImportUndo] = auditShapes[model.AuditImport]
	auditShapes[model.AuditYearUndo] = auditShapes[model.AuditYearClose]
}

// AuditDetail says an audit event's detail in the catalogue's language when app wrote it in a
// shape this catalogue knows; any other detail is returned as it is.
func (c *Catalog) AuditDetail(a model.AuditAction, detail string) string {
	t := c.auditDetailTexts()
	if s, ok := auditShapes[a]; ok {
		if m := s.re.FindStringSubmatch(detail); m != nil {
			return s.say(c, t, m)
		}
		return detail
	}
	switch a {
	case model.AuditSeatsAdd, model.AuditSeatsRemove, model.AuditSeatsSync:
		return c.seatDetail(t, detail)
	}
	return detail
}

func (c *Catalog) seatDetail(t AuditDetailTexts, detail string) string {
	m := seatShape.FindStringSubmatch(detail)
	if m == nil {
		return detail
	}
	var parts []string
	for _, p := range strings.Split(m[2], "; ") {
		count, who, _ := strings.Cut(p[1:], " ")
		format := t.SeatsGiven
		if p[0] == '-' {
			format = t.SeatsTaken
		}
		n, _ := strconv.Atoi(count)
		say := format.One // the participle agrees with the count in French
		if c.plurals(n) {
			say = format.Many
		}
		parts = append(parts, fmt.Sprintf(say, seats(c, count), who))
	}
	s := strings.Join(parts, t.Sep)
	switch how := m[1]; {
	case how == "typed":
		s = c.Label(t.Typed, s)
	case how == "file":
		s = c.Label(t.File, s)
	case strings.HasPrefix(how, "detached from "):
		s = c.Label(fmt.Sprintf(t.Detached, strings.TrimPrefix(how, "detached from ")), s)
	case how != "":
		s = c.Label(fmt.Sprintf(t.Sync, how), s)
	}
	return s
}

// count is num with its noun, in the form the number takes ("1 créé", "0 à supprimer").
func count(c *Catalog, s string, noun Noun) string {
	n, err := strconv.Atoi(s)
	if err != nil {
		return s + " " + noun.Many
	}
	return c.Count(n, noun)
}

func num(c *Catalog, s string) string {
	n, err := strconv.Atoi(s)
	if err != nil {
		return s
	}
	return c.Int(n)
}

func seats(c *Catalog, s string) string {
	n, err := strconv.Atoi(s)
	if err != nil {
		return s
	}
	return c.Count(n, c.Licensing.Seat)
}

func orNone(t AuditDetailTexts, s string) string {
	if strings.TrimSpace(s) == "" {
		return t.None
	}
	return s
}

func security(t AuditDetailTexts, s string) string {
	switch s {
	case "starttls":
		return "STARTTLS"
	case "tls":
		return "TLS"
	}
	return t.NoTLS
}

// charClasses names a policy's classes ("upper,letter,digit") as the password page does.
func charClasses(c *Catalog, names string) string {
	words := map[string]string{"upper": c.Web.RuleUpper, "lower": c.Web.RuleLower, "letter": c.Web.RuleLetter,
		"digit": c.Web.RuleDigit, "special": c.Web.RuleSpecial}
	var out []string
	for _, n := range strings.Split(names, ",") {
		if n = strings.TrimSpace(n); n == "" {
			continue
		}
		if w, ok := words[n]; ok && w != "" {
			n = w
		}
		out = append(out, n)
	}
	return strings.Join(out, ", ")
}
