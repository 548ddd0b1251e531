/**
 * The commands on people: each runs in one transaction and announces its change once it
 * committed (see `command`). Store (./index.ts) adds the log's commands to these.
 */
import {
  PersonSchema,
  ValidationError,
  parseOrThrow,
  type Conversation,
  type Participant,
  type Person,
  type Relationship,
  type Settings,
  SettingsSchema,
} from '../model';
import { applyPersonPatch, type PersonPatch } from '../people';
import { announceStoreChange } from './changes';
import { RECORD_STORES } from './data';
import { conversationInteraction, draftInteraction, logIn } from './log';
import {
  mergeIn,
  MergeUndoSchema,
  unmergeIn,
  type MergeUndo,
  type PersonMerge,
} from './merge-people';
import {
  adoptOrgDomainsIn,
  newPerson,
  resolveIn,
  setRelationshipIn,
  type NewPerson,
} from './people';
import { StoreReader } from './reader';
import {
  loggedIn,
  matchAllIn,
  viewIn,
  VIEW_STORES,
  type ConversationView,
} from './conversation-view';
import { abandon, NotFoundError, writeTx, type Db, type StoreName, type WriteTx } from './tx';

export interface ResolvedParticipant {
  participant: Participant;
  person: Person;
}

/** Reads, and the commands on people. */
export class PeopleCommands extends StoreReader {
  constructor(
    db: Db,
    private readonly announce: () => void = announceStoreChange,
  ) {
    super(db);
  }

  /**
   * Runs `write` in one transaction over `names`, and announces the change once it committed
   * (unless `changed` says nothing was written).
   */
  protected async command<T>(
    names: StoreName[],
    write: (tx: WriteTx) => Promise<T>,
    changed: (result: T) => boolean = () => true,
  ): Promise<T> {
    const tx = writeTx(this.db, names);
    const result = await write(tx);
    await tx.done;
    if (changed(result)) this.announce();
    return result;
  }

  // ---- people ----

  async createPerson(input: NewPerson, now: number = Date.now()): Promise<Person> {
    const person = newPerson(input, now);
    return this.command(['people'], async (tx) => {
      await tx.objectStore('people').add(person);
      return person;
    });
  }

  async savePerson(input: Person, now: number = Date.now()): Promise<Person> {
    const person = parseOrThrow(PersonSchema, { ...input, updatedAt: now }, 'person');
    return this.command(['people'], async (tx) => {
      await tx.objectStore('people').put(person);
      return person;
    });
  }

  /**
   * The person editor's save: only the fields the user changed, applied to the person as stored
   * now (so emails, handles or notes added meanwhile stay); a changed relationship is the user's
   * own choice and re-labels their interactions.
   */
  async patchPerson(id: string, patch: PersonPatch, now: number = Date.now()): Promise<Person> {
    return this.command(['people', 'interactions'], async (tx) => {
      const stored = await tx.objectStore('people').get(id);
      if (!stored) return abandon(tx, new NotFoundError('person', id));
      const current =
        patch.relationship !== undefined && patch.relationship !== stored.relationship
          ? await setRelationshipIn(tx, id, patch.relationship, now)
          : stored;
      let person: Person;
      try {
        person = parseOrThrow(
          PersonSchema,
          { ...applyPersonPatch(current, patch), updatedAt: now },
          'person',
        );
      } catch (error) {
        return abandon(tx, error as Error);
      }
      await tx.objectStore('people').put(person);
      return person;
    });
  }

  /** The person a tool's participant stands for, found (and completed) or created. */
  async resolveParticipant(
    participant: Participant,
    orgDomains: readonly string[],
    now: number = Date.now(),
  ): Promise<Person> {
    const { person } = await this.command(
      ['people'],
      (tx) => resolveIn(tx, participant, orgDomains, now),
      (r) => r.changed,
    );
    return person;
  }

  /** Everyone in a conversation as people of the log, in one transaction. */
  async resolveParticipants(
    conversation: Conversation,
    settings: Pick<Settings, 'orgDomains'>,
    now: number = Date.now(),
  ): Promise<ResolvedParticipant[]> {
    const found = await this.command(
      ['people'],
      async (tx) => {
        const found = [];
        for (const participant of conversation.participants)
          found.push({
            participant,
            ...(await resolveIn(tx, participant, settings.orgDomains, now)),
          });
        return found;
      },
      (found) => found.some((f) => f.changed),
    );
    // Two participants can turn out to be one person (an email here, a handle there).
    return found
      .filter((f, n) => found.findIndex((other) => other.person.id === f.person.id) === n)
      .map(({ participant, person }) => ({ participant, person }));
  }

  /**
   * Everything the sidebar shows about an open conversation. One read-only transaction when every
   * participant is stored as the page shows them (the common case); otherwise they are resolved
   * first (a command, which announces), then read.
   */
  async conversationView(
    conversation: Conversation,
    settings: Pick<Settings, 'orgDomains'>,
    now: number = Date.now(),
  ): Promise<ConversationView> {
    const tx = this.db.transaction([...VIEW_STORES], 'readonly');
    const [matched, loggedIds] = await Promise.all([
      matchAllIn(tx, conversation, settings.orgDomains, now),
      loggedIn(tx, conversation.threadKey),
    ]);
    if (!matched.needsWrite) return viewIn(tx, matched.people, loggedIds);
    await tx.done;
    const people = await this.resolveParticipants(conversation, settings, now);
    const read = this.db.transaction([...VIEW_STORES], 'readonly');
    return viewIn(read, people, await loggedIn(read, conversation.threadKey));
  }

  /** The user's own choice for a person; it re-labels their interactions not tagged one by one. */
  async setRelationship(
    personId: string,
    relationship: Relationship,
    now: number = Date.now(),
  ): Promise<Person> {
    return this.command(['people', 'interactions'], (tx) =>
      setRelationshipIn(tx, personId, relationship, now),
    );
  }

  /**
   * The organisation's domains were set or extended (the welcome, the sidebar's question, the
   * offer after a tag, the settings): people at them not sorted by hand become internal, with
   * their past interactions. Invalid domains are refused, with nothing written.
   */
  async adoptOrgDomains(
    orgDomains: readonly string[],
    now: number = Date.now(),
  ): Promise<Person[]> {
    const valid = parseOrThrow(SettingsSchema.shape.orgDomains, orgDomains, 'org domains');
    return this.command(
      ['people', 'interactions'],
      (tx) => adoptOrgDomainsIn(tx, valid, now),
      (changed) => changed.length > 0,
    );
  }

  /** Tags a person in an open conversation: the choice sticks, and the conversation is logged. */
  async tagPerson(
    personId: string,
    relationship: Relationship,
    conversation: Conversation | null,
    settings: Pick<Settings, 'timeZone'>,
    now: number = Date.now(),
  ): Promise<Person> {
    return this.command(['people', 'interactions', 'tombstones'], async (tx) => {
      const person = await setRelationshipIn(tx, personId, relationship, now);
      if (conversation) {
        const input = conversationInteraction(conversation, person, 'manual', now);
        await logIn(tx, draftInteraction(input, settings, now));
      }
      return person;
    });
  }

  /** Merges `dropId` into `keepId`, with everything that was theirs; `undo` takes it back. */
  async mergePeople(
    keepId: string,
    dropId: string,
    now: number = Date.now(),
  ): Promise<PersonMerge> {
    if (keepId === dropId)
      throw new ValidationError('merge', ['cannot merge a person into themself']);
    return this.command([...RECORD_STORES], (tx) => mergeIn(tx, keepId, dropId, now));
  }

  /** Puts both people of a merge back as they were (see unmergeIn); returns the kept one. */
  async undoMerge(undo: MergeUndo): Promise<Person> {
    const valid = parseOrThrow(MergeUndoSchema, undo, 'undo merge');
    return this.command([...RECORD_STORES], (tx) => unmergeIn(tx, valid));
  }
}
