package i18n

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"rollcall/model"
)

// licensingMessage tells the refusals of claims, seats, email files, key files and links.
func (c *Catalog) licensingMessage(m model.Message) (string, bool) {
	r := c.Licensing.Refuse
	str := func(i int) string { return arg[string](m, i) }
	switch m.ID {
	case model.MsgClaim:
		if ce := arg[*model.ClaimCodeError](m, 0); ce != nil {
			return c.claimProblem(ce), true
		}
		return r.Malformed, true
	case model.MsgAlreadyClaimed:
		return fmt.Sprintf(r.AlreadyClaimed, c.DateTime(arg[time.Time](m, 0)), str(1)), true
	case model.MsgSeatLimit:
		sl := arg[*model.SeatLimitError](m, 0)
		if sl == nil {
			sl = &model.SeatLimitError{}
		}
		if sl.Key != "" {
			return fmt.Sprintf(c.People.KeyFull, sl.Key, c.Count(sl.Requested, c.Licensing.Seat), c.Count(sl.Free, c.Licensing.Seat)), true
		}
		return fmt.Sprintf(r.SeatLimit, c.Count(sl.Requested, c.Licensing.Seat), c.Count(sl.Free, c.Licensing.Seat)), true
	case model.MsgSubscriptionEnded:
		return fmt.Sprintf(r.SubscriptionEnded, c.Date(arg[model.Date](m, 0))), true
	case model.MsgInvalidEmails:
		return fmt.Sprintf(r.InvalidEmails, strings.Join(arg[[]string](m, 0), ", ")), true
	case model.MsgEmailFile:
		if fe := arg[*model.EmailFileError](m, 0); fe != nil {
			return c.EmailFileError(fe), true
		}
		return r.FileTooBig, true
	case model.MsgEmailFileTooBig:
		return r.FileTooBig, true
	case model.MsgVendorKeyFile:
		ke := arg[*model.VendorKeyError](m, 0)
		if ke == nil {
			ke = &model.VendorKeyError{}
		}
		name := ke.File
		if name == "" {
			name = r.KeyFileUnnamed
		}
		return fmt.Sprintf(r.KeyFile, name, strconv.Itoa(ke.Line), c.keyProblem(ke.Problem)), true
	case model.MsgSeatSynced:
		return fmt.Sprintf(c.People.SeatSynced, str(0), str(1)), true
	case model.MsgLink:
		text := map[model.LinkProblem]string{model.LinkNotParent: c.People.LinkNotParent, model.LinkSelf: c.People.LinkSelf,
			model.LinkOtherSchool: c.People.LinkOtherSchool}[arg[model.LinkProblem](m, 0)]
		if text == "" {
			text = c.People.LinkNotParent
		}
		return fmt.Sprintf(text, str(1)), true
	case model.MsgRenewal:
		if re := arg[*model.RenewalError](m, 0); re != nil {
			return c.renewalProblem(re), true
		}
		return c.People.RenewalNotARenewal, true
	case model.MsgOtherSchool:
		return c.People.OtherSchool, true
	case model.MsgDemoKey:
		return r.DemoKey, true
	case model.MsgBuiltInVendorKey:
		return r.BuiltInKey, true
	}
	return "", false
}

func (c *Catalog) claimProblem(e *model.ClaimCodeError) string {
	r := c.Licensing.Refuse
	switch e.Problem {
	case model.ClaimEmpty:
		return r.Empty
	case model.ClaimBadCharacter:
		return fmt.Sprintf(r.BadCharacter, e.Char, strconv.Itoa(e.Position))
	case model.ClaimMistyped:
		return r.Mistyped
	case model.ClaimVersion:
		return r.Version
	case model.ClaimUnknownVendor:
		if c.console {
			return fmt.Sprintf(c.consoleTexts().UnknownVendor, e.KeyID)
		}
		return fmt.Sprintf(r.UnknownVendor, e.KeyID)
	case model.ClaimForged:
		return r.Forged
	case model.ClaimExpired:
		return fmt.Sprintf(r.Expired, c.Date(e.Date))
	case model.SerialUnknownModel:
		return r.SerialUnknown
	case model.SerialBadCheckDigit:
		return r.SerialCheckDigit
	case model.SerialMalformed:
		return r.SerialMalformed
	case model.DisplaysCount:
		return fmt.Sprintf(r.DisplaysCount, c.Int(e.Max))
	}
	return r.Malformed
}

// EmailFileError lists the bad lines of an emails file, one a line.
func (c *Catalog) EmailFileError(fe *model.EmailFileError) string {
	r := c.Licensing.Refuse
	var b strings.Builder
	fmt.Fprintf(&b, r.FileErrors, fe.File, c.Count(len(fe.Lines)+fe.More, c.Nouns.Row))
	for _, l := range fe.Lines {
		b.WriteString("\n  ")
		fmt.Fprintf(&b, r.FileLine, c.Int(l.Line), c.emailLineProblem(l.Problem), l.Value)
	}
	if fe.More > 0 {
		b.WriteString("\n  ")
		fmt.Fprintf(&b, r.AndMore, c.Int(fe.More))
	}
	return b.String()
}

func (c *Catalog) emailLineProblem(p model.EmailLineProblem) string {
	r := c.Licensing.Refuse
	switch p {
	case model.EmailLineSpace:
		return r.LineSpace
	case model.EmailLineComma:
		return r.LineComma
	case model.EmailLineQuote:
		return r.LineQuote
	case model.EmailLineTooLong:
		return r.LineTooLong
	case model.EmailLineEncoding:
		return r.LineEncoding
	}
	return r.LineNotEmail
}

func (c *Catalog) keyProblem(p model.KeyFileProblem) string {
	r := c.Licensing.Refuse
	switch p {
	case model.KeyFileBadVendor:
		return r.KeyBadVendor
	case model.KeyFileBadKey:
		return r.KeyBadKey
	case model.KeyFilePrivate:
		return r.KeyPrivate
	case model.KeyFileMissingKey:
		return r.KeyMissingKey
	case model.KeyFileMissingVendor:
		return r.KeyMissingVendor
	case model.KeyFileLineTooLong:
		return r.KeyLineTooLong
	}
	return r.KeyUnknownLine
}

// dirMessage tells a directory sync's failure, naming the service.
func (c *Catalog) dirMessage(m model.Message) (string, bool) {
	r := c.Licensing.Refuse
	name := arg[string](m, 0)
	switch m.ID {
	case model.MsgDirNotConfigured:
		return fmt.Sprintf(r.DirNotConfigured, name), true
	case model.MsgDirUnauthorized:
		return fmt.Sprintf(r.DirUnauthorized, name), true
	case model.MsgDirNoSuchGroup:
		return fmt.Sprintf(r.DirNoSuchGroup, name), true
	case model.MsgDirBadAnswer:
		s := fmt.Sprintf(r.DirBadAnswer, name)
		if detail := arg[string](m, 1); detail != "" {
			s += " (" + detail + ")"
		}
		return s, true
	}
	return "", false
}

func (c *Catalog) renewalProblem(e *model.RenewalError) string {
	p := c.People
	switch {
	case c.console && e.Problem == model.RenewalNotARenewal:
		return c.consoleTexts().NotARenewal
	case c.console && e.Problem == model.RenewalNotAClaim:
		return c.consoleTexts().NotAClaim
	}
	switch e.Problem {
	case model.RenewalNotARenewal:
		return p.RenewalNotARenewal
	case model.RenewalNotAClaim:
		return p.RenewalNotAClaim
	case model.RenewalEarlier:
		return p.RenewalEarlier
	}
	return fmt.Sprintf(p.RenewalOtherOrder, e.Order)
}
