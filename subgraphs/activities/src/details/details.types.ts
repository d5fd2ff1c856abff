import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

/**
 * What a parent needs to know before going: the cost, how to sign up, the languages spoken, and
 * adaptations for disabilities and NPF, as structured values (filterable, translatable into the
 * finder's Swedish labels) with optional free text beside them. Public, like the activity.
 */
export enum SignUpMethod {
  NONE_NEEDED = 'NONE_NEEDED',
  ON_SITE = 'ON_SITE',
  LINK = 'LINK',
  CONTACT = 'CONTACT',
}

registerEnumType(SignUpMethod, {
  name: 'SignUpMethod',
  description: 'How to join an activity.',
  valuesConfig: {
    NONE_NEEDED: { description: 'No sign-up: just come.' },
    ON_SITE: { description: 'Sign up on site, at the first visit.' },
    LINK: { description: 'Sign up on a web page (`url`).' },
    CONTACT: { description: 'Sign up by contacting the organisers (see `note` and the organisers\' public contact).' },
  },
});

export enum AccessibilityFeature {
  STEP_FREE_ACCESS = 'STEP_FREE_ACCESS',
  ACCESSIBLE_TOILET = 'ACCESSIBLE_TOILET',
  HEARING_LOOP = 'HEARING_LOOP',
  SIGN_LANGUAGE = 'SIGN_LANGUAGE',
  EASY_TO_READ_INFORMATION = 'EASY_TO_READ_INFORMATION',
  ASSISTANT_WELCOME = 'ASSISTANT_WELCOME',
}

registerEnumType(AccessibilityFeature, {
  name: 'AccessibilityFeature',
  description: 'How an activity is accessible to people with disabilities.',
  valuesConfig: {
    STEP_FREE_ACCESS: { description: 'Step-free access (entrance in ground level, ramp or lift).' },
    ACCESSIBLE_TOILET: { description: 'An accessible toilet (tillgänglig toalett).' },
    HEARING_LOOP: { description: 'A hearing loop (hörslinga).' },
    SIGN_LANGUAGE: { description: 'Sign language (teckenspråk) spoken or interpreted.' },
    EASY_TO_READ_INFORMATION: { description: 'Information in easy-to-read Swedish (lättläst).' },
    ASSISTANT_WELCOME: { description: 'A personal assistant or companion (ledsagare) takes part free of charge.' },
  },
});

export enum NpfAdaptation {
  SMALL_GROUPS = 'SMALL_GROUPS',
  QUIET_SPACE = 'QUIET_SPACE',
  PREDICTABLE_STRUCTURE = 'PREDICTABLE_STRUCTURE',
  VISUAL_SUPPORT = 'VISUAL_SUPPORT',
  INFORMATION_IN_ADVANCE = 'INFORMATION_IN_ADVANCE',
  NPF_TRAINED_LEADERS = 'NPF_TRAINED_LEADERS',
}

registerEnumType(NpfAdaptation, {
  name: 'NpfAdaptation',
  description: 'How an activity is adapted for children and young people with neurodevelopmental conditions (NPF: ADHD, autism and others).',
  valuesConfig: {
    SMALL_GROUPS: { description: 'Small groups.' },
    QUIET_SPACE: { description: 'A quiet space to withdraw to (lugnt rum).' },
    PREDICTABLE_STRUCTURE: { description: 'The same structure every time, with clear start, order and end.' },
    VISUAL_SUPPORT: { description: 'Visual support, e.g. a picture schedule (bildstöd).' },
    INFORMATION_IN_ADVANCE: { description: 'What will happen is told in advance, e.g. pictures of the place and the leaders.' },
    NPF_TRAINED_LEADERS: { description: 'Leaders trained in NPF.' },
  },
});

@ObjectType({ description: 'What taking part costs.' })
export class ActivityCost {
  @Field({ description: 'Whether it is free of charge.' })
  free: boolean;

  @Field(() => Int, { nullable: true, description: 'The price in whole Swedish kronor (SEK) when not free, e.g. per term; see `note`.' })
  amountSek: number | null;

  @Field({ description: 'Whether Fritidskortet (the state leisure card for 8–16-year-olds) can pay for it.' })
  fritidskortetAccepted: boolean;

  @Field(() => String, { nullable: true, description: 'More about the cost, e.g. "per termin, syskonrabatt".' })
  note: string | null;
}

@ObjectType({ description: 'How to join an activity.' })
export class ActivitySignUp {
  @Field(() => SignUpMethod, { description: 'How to sign up, if at all.' })
  method: SignUpMethod;

  @Field(() => String, { nullable: true, description: 'The sign-up page, when `method` is LINK.' })
  url: string | null;

  @Field(() => String, { nullable: true, description: 'More about joining, e.g. "Anmäl laget senast fredag".' })
  note: string | null;
}
