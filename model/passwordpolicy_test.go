package model

import (
	"reflect"
	"testing"
)

func TestPasswordPolicyCheck(t *testing.T) {
	t.Parallel()
	strict := PasswordPolicy{MinLength: 10, Classes: CharClasses(ClassUpper | ClassLower | ClassDigit | ClassSpecial)}
	tests := []struct {
		p    PasswordPolicy
		pw   string
		want []Rule
	}{
		{DefaultPasswordPolicy, "abcdefg1", nil},
		{DefaultPasswordPolicy, "abcdefgh", []Rule{RulePasswordDigit}},
		{DefaultPasswordPolicy, "éééééé1", []Rule{RulePasswordLength}},
		{strict, "abcdefg1", []Rule{RulePasswordLength, RulePasswordUpper, RulePasswordSymbol}},
		{strict, "Abcdefgh1!", nil},
		{strict, "ÉCOLE-école-7", nil},
		{strict, "Abcdefgh1 ", []Rule{RulePasswordSymbol}}, // a space is no special character
	}
	for _, tc := range tests {
		var got []Rule
		for _, e := range tc.p.Check("password", tc.pw) {
			got = append(got, e.Rule)
			if e.Value != "" {
				t.Errorf("%q: the error repeats the password", tc.pw)
			}
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%+v %q: %v, want %v", tc.p, tc.pw, got, tc.want)
		}
	}
}

func TestParseCharClasses(t *testing.T) {
	t.Parallel()
	c, bad := ParseCharClasses("Upper, lower,digit;special")
	if bad != "" || !reflect.DeepEqual(c.Names(), []string{"upper", "lower", "digit", "special"}) {
		t.Errorf("got %v %q", c.Names(), bad)
	}
	if _, bad := ParseCharClasses("upper,emoji"); bad != "emoji" {
		t.Errorf("unknown class: %q", bad)
	}
	if errs := (PasswordPolicy{MinLength: 4}).Validate(); len(errs) != 1 {
		t.Errorf("a 4-character minimum is accepted")
	}
}

func TestPolicyAndIsTheStricterOfBoth(t *testing.T) {
	long := PasswordPolicy{MinLength: 12, Classes: CharClasses(ClassUpper)}
	sym := PasswordPolicy{MinLength: 10, Classes: CharClasses(ClassSpecial | ClassDigit)}
	both := long.And(sym)
	if both.MinLength != 12 || both.Classes != CharClasses(ClassUpper|ClassSpecial|ClassDigit) {
		t.Fatalf("And = %+v", both)
	}
	for pw, ok := range map[string]bool{"Abcdefghij1!": true, "Abcdefghi1!": false, "Abcdefghijk1": false, "abcdefghij1!": false} {
		errs := both.Check("password", pw)
		if (len(errs) == 0) != ok {
			t.Errorf("%s: %v, want ok=%v", pw, errs, ok)
		}
		for _, e := range errs {
			if e.Rule == RulePasswordLength && e.Limit != 12 {
				t.Errorf("%s: the length rule names %d, want 12", pw, e.Limit)
			}
		}
	}
}
