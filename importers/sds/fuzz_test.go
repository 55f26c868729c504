package sds

import (
	"context"
	"testing"

	"rollcall/importers/roster"
)

// FuzzSDSv1 parses a v1 set whose students and enrollments are arbitrary.
func FuzzSDSv1(f *testing.F) {
	f.Add([]byte("SIS ID,School SIS ID,First Name,Last Name,Username,Birthdate\n1,s1,A,B,ab,4/2/2000\n"), []byte("Section SIS ID,SIS ID\nc1,1\n"))
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
