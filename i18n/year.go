package i18n

import (
	"fmt"

	"rollcall/model"
)

// YearTexts are the words of the school year's turn: its plan, its confirmation, its history
// and undo, the grace period before people pending deletion are deleted, and a person's past
// classes.
type YearTexts struct {
	// PlanTitle heads a plan (year, school); Dry ends a dry run.
	PlanTitle, Dry string
	// Leave (people), Archive (classes, the pattern), Rename (classes, the pattern), Keep,
	// Delete (people, days, seats), Void (codes) and Unlink (parents) are the plan's lines.
	Leave, Archive, Rename, Keep, Delete, Void, Unlink string
	// ClassLine (old, new), DeletedLine (login, name, since) and More (count) list details.
	ClassLine, DeletedLine, More string
	// People, Seats and Codes are the nouns counted.
	People, Seats, Codes Noun
	// Question asks before closing (year, school); Done says it was (year, school, run, run).
	Question, Done string
	// History heads the list; HistoryLine is one run (run, date, year, school, summary);
	// Undone marks an undone run; NoHistory says there is none.
	History, HistoryLine, Undone, NoHistory string
	// UndoQuestion asks before undoing (run, year); UndoDone and UndoDry say what the undo did
	// or would do (run, people, restored, classes, seats, seats without room).
	UndoQuestion, UndoDone, UndoDry string
	// Blocked refuses an undo (thing, name); AlreadyUndone refuses a second one; CodeTaken
	// refuses a rename whose code a class holds (code); ThingYearClose names a turn.
	Blocked, AlreadyUndone, CodeTaken, ThingYearClose string
	// GraceSaved says a school's grace period was set (school, days); GraceLabel names it.
	GraceSaved, GraceLabel string
	// PastClasses heads a person's history in users show; PastYear is one year (year, list).
	PastClasses, PastYear string

	// The console: Key opens the screen from the home screen; Title, the form's fields and
	// their hints, the modes' names, PlanKey/UndoKey/HistoryKey and the busy and result lines.
	Key, Title, School, Year, YearHint, Classes, Pattern, PatternHint, GraceDays, GraceHint string
	ModeArchive, ModeRename, ModeKeep                                                       string
	Planning, Closing, Undoing, Confirm, UndoKey, HistoryKey, PlanKey, BadDays              string
}

// yearMessage tells the year's turn's own refusals.
func (c *Catalog) yearMessage(m model.Message) (string, bool) {
	switch m.ID {
	case model.MsgYearUndoBlocked:
		return fmt.Sprintf(c.Year.Blocked, c.thing(arg[model.Thing](m, 0)), arg[string](m, 1)), true
	case model.MsgCodeTaken:
		return fmt.Sprintf(c.Year.CodeTaken, arg[string](m, 1)), true
	case model.MsgYearUndone:
		return c.Year.AlreadyUndone, true
	}
	return "", false
}

// YearSummary says what a year's turn did, in one line: "12 people left their classes, …".
func (c *Catalog) YearSummary(s model.YearCloseSummary) string {
	return fmt.Sprintf(c.Year.Leave, c.Count(s.LeftClasses, c.Year.People)) + "; " +
		c.yearClasses(s) + "; " +
		fmt.Sprintf(c.Year.Delete, c.Count(s.Deleted, c.Year.People), c.Int(s.GraceDays), c.Count(s.SeatsFreed, c.Year.Seats)) + "; " +
		fmt.Sprintf(c.Year.Void, c.Count(s.CodesVoided, c.Year.Codes))
}

// yearClasses says what became of the classes.
func (c *Catalog) yearClasses(s model.YearCloseSummary) string {
	switch s.Classes {
	case model.ClassesRename:
		return fmt.Sprintf(c.Year.Rename, c.Count(s.ClassesChanged, c.Nouns.Class), s.Pattern)
	case model.ClassesKeep:
		return c.Year.Keep
	}
	return fmt.Sprintf(c.Year.Archive, c.Count(s.ClassesChanged, c.Nouns.Class), s.Pattern)
}

// YearPlanLines are a plan's summary lines, one per kind of change.
func (c *Catalog) YearPlanLines(s model.YearCloseSummary) []string {
	return []string{
		fmt.Sprintf(c.Year.Leave, c.Count(s.LeftClasses, c.Year.People)),
		c.yearClasses(s),
		fmt.Sprintf(c.Year.Delete, c.Count(s.Deleted, c.Year.People), c.Int(s.GraceDays), c.Count(s.SeatsFreed, c.Year.Seats)),
		fmt.Sprintf(c.Year.Void, c.Count(s.CodesVoided, c.Year.Codes)),
		fmt.Sprintf(c.Year.Unlink, c.Count(s.ParentsUnlinked, c.Year.People)),
	}
}
