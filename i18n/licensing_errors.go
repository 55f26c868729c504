package i18n

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"rollcall/model"
)

// licensingError says the refusals of claims, seats, email files, key files and directory
// syncs; ok is false for any other error.
func (c *Catalog) licensingError(err error) (string, bool) {
	r := c.Licensing.Refuse
	var ce *model.ClaimCodeError
	var ac *model.AlreadyClaimedError
	var sl *model.SeatLimitError
	var se *model.SubscriptionEndedError
	var ie *model.InvalidEmailsError
	var fe *model.EmailFileError
	var ke *model.VendorKeyError
	var ss *model.SeatSyncedError
	var re *model.RenewalError
	var le *model.LinkError
	switch {
	case errors.As(err, &ce):
		return c.claimProblem(ce), true
	case errors.As(err, &ac):
		return fmt.Sprintf(r.AlreadyClaimed, c.DateTime(ac.At), ac.OrgName), true
	case errors.As(err, &sl) && sl.Key != "":
		return fmt.Sprintf(c.People.KeyFull, sl.Key, c.Count(sl.Requested, c.Licensing.Seat), c.Count(sl.Free, c.Licensing.Seat)), true
	case errors.As(err, &sl):
		return fmt.Sprintf(r.SeatLimit, c.Count(sl.Requested, c.Licensing.Seat), c.Count(sl.Free, c.Licensing.Seat)), true
	case errors.As(err, &se):
		return fmt.Sprintf(r.SubscriptionEnded, c.Date(se.EndedOn)), true
	case errors.As(err, &ie):
		return fmt.Sprintf(r.InvalidEmails, strings.Join(ie.Values, ", ")), true
	case errors.As(err, &fe):
		return c.EmailFileError(fe), true
	case errors.As(err, &ke):
		name := ke.File
		if name == "" {
			name = r.KeyFileUnnamed
		}
		return fmt.Sprintf(r.KeyFile, name, strconv.Itoa(ke.Line), c.keyProblem(ke.Problem)), true
	case errors.As(err, &ss):
		return fmt.Sprintf(c.People.SeatSynced, ss.Holder, ss.Sync), true
	case errors.As(err, &le):
		return fmt.Sprintf(map[model.LinkProblem]string{model.LinkNotParent: c.People.LinkNotParent, model.LinkSelf: c.People.LinkSelf,
			model.LinkOtherSchool: c.People.LinkOtherSchool}[le.Problem], le.Login), true
	case errors.As(err, &re):
		return c.renewalProblem(re), true
	case errors.Is(err, model.ErrOtherSchool):
		return c.People.OtherSchool, true
	case errors.Is(err, model.ErrDemoKey):
		return r.DemoKey, true
	case errors.Is(err, model.ErrBuiltInVendorKey):
		return r.BuiltInKey, true
	case errors.Is(err, model.ErrEmailFileTooBig):
		return r.FileTooBig, true
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
