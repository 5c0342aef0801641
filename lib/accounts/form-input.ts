// Form fields that need converting before the shared zod schemas see them (a checkbox posts "on" or nothing).
import { formText } from "@/lib/action";

/** The consent checkboxes of the sign-up forms as the booleans the JSON API takes. */
export function consentBoxes(form: FormData) {
  const checked = (name: string) => formText(form, name) === "on";
  return { agreeTerms: checked("agreeTerms"), agreePrivacy: checked("agreePrivacy"), confirmAge14: checked("confirmAge14"), agreeMarketing: checked("agreeMarketing") };
}
