import { PageHeader } from "~/components/ui/card";
import { ProfileForm } from "./profile-form";

export const metadata = { title: "My profile" };

export default function ProfilePage() {
  return (
    <>
      <PageHeader
        title="My profile"
        description="Fill this in once and reuse it on every request. Nobody sees it unless you give them a key, and you can see every look on the My data page."
      />
      <ProfileForm />
    </>
  );
}
