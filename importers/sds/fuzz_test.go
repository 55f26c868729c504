package sds

import (
	"context"
	"testing"

	"rollcall/importers/roster"
)

// FuzzSDSv1 parses a v1 set whose students and enrollments are arbitrary.
func FuzzSDSv1(f *testing.F) {
	f.Add([]byte("SIS ID,School SIS ID,First Name,Last Name,Username,Birthdate\n1,s1,A,B,ab,4/2/2000\n"), []byte("Section SIS ID,SIS ID\nc1,1\n"))
	f.Add([]byte("ID,School DfE Number,First Name,Last Name,Username,Year Group\n1,s1,A,B,ab,Year 5\n2,s9,C,D,cd,Year 5\n"), []byte("Section ID,ID\nc1,1\nc9,2\n")) // UK format
	f.Fuzz(func(t *testing.T, students, enrollments []byte) {
		files := []*roster.File{
			{Name: "School.csv", Raw: []byte("SIS ID,Name\ns1,School\n")},
			{Name: "Section.csv", Raw: []byte("SIS ID,School SIS ID,Section Name\nc1,s1,Math\n")},
			{Name: "Student.csv", Raw: students},
			{Name: "Teacher.csv", Raw: []byte("SIS ID,School SIS ID,First Name,Last Name,Username\nt1,s1,T,U,tu\n")},
			{Name: "StudentEnrollment.csv", Raw: enrollments},
			{Name: "TeacherRoster.csv", Raw: []byte("Section SIS ID,SIS ID\nc1,t1\n")},
		}
		j := roster.NewJob(context.Background(), 0, nil)
		if err := ParseV1(j, files); err != nil {
			t.Fatal(err)
		}
		for _, r := range j.Batch.Records {
			if r.ExternalID == "" {
				t.Fatalf("bad record %+v", r)
			}
		}
	})
}

// FuzzSDSv2 parses a v2.1 set whose users, roles and relationships are arbitrary.
func FuzzSDSv2(f *testing.F) {
	f.Add([]byte("sourcedId,username,givenName,familyName\n1,a,A,B\n2,p,P,B\n"), []byte("userSourcedId,orgSourcedId,role,isPrimary\n1,o1,student,TRUE\n"), []byte("userSourcedId,relationshipUserSourcedId,relationshipRole\n1,2,guardian\n"))
	f.Fuzz(func(t *testing.T, users, roles, relationships []byte) {
		files := []*roster.File{
			{Name: "orgs.csv", Raw: []byte("sourcedId,name,type,parentSourcedId\no1,School,school,o2\no2,District,district,\n")},
			{Name: "users.csv", Raw: users},
			{Name: "roles.csv", Raw: roles},
			{Name: "relationships.csv", Raw: relationships},
		}
		j := roster.NewJob(context.Background(), 0, nil)
		if err := ParseV2(j, files); err != nil {
			t.Fatal(err)
		}
		for _, r := range j.Batch.Records {
			if r.ExternalID == "" || r.Profile == 0 {
				t.Fatalf("bad record %+v", r)
			}
		}
	})
}

// FuzzSDSv2Users parses an SDS v2 set, the role and orgs in users.csv and no roles.csv, whose
// users and enrollments are arbitrary: every record has an id and a profile, and its classes are
// defined.
func FuzzSDSv2Users(f *testing.F) {
	f.Add([]byte("sourcedId,orgSourcedIds,givenName,familyName,username,role,grade\n1,o1,A,B,a,Student,6\n2,o9,C,D,c,Professor,PS1\n"), []byte("classSourcedId,userSourcedId,role\nc1,1,Student\nc9,2,Teacher\n"))
	f.Fuzz(func(t *testing.T, users, enrollments []byte) {
		files := []*roster.File{
			{Name: "orgs.csv", Raw: []byte("sourcedId,name,type\no1,School,school\n")},
			{Name: "users.csv", Raw: users},
			{Name: "classes.csv", Raw: []byte("sourcedId,orgSourcedId,title\nc1,o1,Math\n")},
			{Name: "enrollments.csv", Raw: enrollments},
		}
		_ = SniffV2(files)
		j := roster.NewJob(context.Background(), 0, nil)
		if err := ParseV2(j, files); err != nil {
			t.Fatal(err)
		}
		for _, r := range j.Batch.Records {
			if r.ExternalID == "" || r.Profile == 0 {
				t.Fatalf("bad record %+v", r)
			}
			for _, c := range r.Classes {
				if !j.HasClass(c) {
					t.Fatalf("record %s in undefined class %q", r.ExternalID, c)
				}
			}
		}
	})
}
