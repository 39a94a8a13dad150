import type { MemberStory } from '../../sim/host/worker/api.js';

/** The story of the member picked on the live view, labelled as the teacher's omniscient view. */
export class StoryPanel {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;

  constructor() {
    this.element = document.createElement('aside');
    this.element.className = 'story';
    this.element.dataset.testid = 'story';
    this.element.setAttribute('aria-live', 'polite');
    const note = document.createElement('p');
    note.className = 'story-note';
    note.textContent =
      'Teacher’s view (omniscient): everything the model knows about one member. Nobody inside the economy ' +
      'sees this: under AIS a data buyer only ever gets noisy totals of many members.';
    this.body = document.createElement('div');
    this.body.textContent = 'Click a dot to follow a member.';
    this.element.append(note, this.body);
  }

  show(story: MemberStory | null): void {
    this.element.classList.toggle('picked', story !== null);
    if (!story) {
      this.body.textContent = 'Click a dot to follow a member.';
      return;
    }
    const title = document.createElement('strong');
    title.textContent = story.title;
    const list = document.createElement('dl');
    for (const line of story.lines) {
      const dt = document.createElement('dt');
      dt.textContent = line.label;
      const dd = document.createElement('dd');
      dd.textContent = line.value;
      list.append(dt, dd);
    }
    this.body.replaceChildren(title, list);
  }
}
