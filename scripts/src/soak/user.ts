import { UserHttp, type Answer } from './http'
import type { SoakStats } from './stats'

/**
 * One simulated person: signs up, then signs in and out, lists, creates, updates, completes and
 * deletes tasks in a realistic mix, and remembers what every acknowledged answer said. That
 * memory (the model) is what the database must hold at the end.
 */

export interface ExpectedTask {
  title: string
  description: string
  priority: 'low' | 'medium' | 'high'
  completed: boolean
}

/** Which user owns each task id any response ever showed, across all users (leak detection). */
export type Owners = Map<string, string>

interface TaskBody extends ExpectedTask {
  id: string
  userId: string
}

const PRIORITIES = ['low', 'medium', 'high'] as const
const MIX: [Operation, number][] = [
  ['list', 30],
  ['create', 22],
  ['update', 15],
  ['complete', 12],
  ['delete', 10],
  ['get', 6],
  ['sign-out-in', 5],
]
type Operation = 'list' | 'create' | 'update' | 'complete' | 'delete' | 'get' | 'sign-out-in'
const TOTAL_WEIGHT = MIX.reduce((sum, [, weight]) => sum + weight, 0)

export class SoakUser {
  id = ''
  readonly model = new Map<string, ExpectedTask>()
  /** Tasks whose last write was given up on: the database may hold either value. */
  readonly unsure = new Set<string>()
  private readonly http: UserHttp
  private created = 0

  constructor(
    readonly email: string,
    private readonly password: string,
    private readonly stats: SoakStats,
    private readonly owners: Owners,
    baseUrl: string,
    origin: string,
    deadline: number,
    private readonly random: () => number,
  ) {
    this.http = new UserHttp(baseUrl, origin, stats, deadline)
  }

  async signUp(): Promise<void> {
    const answer = await this.http.send('POST', '/api/auth/register', {
      email: this.email,
      password: this.password,
      name: 'Soak',
    })
    const user = (answer.body as { user?: { id?: string } } | null)?.user
    if (answer.status !== 201 || !user?.id) {
      throw new Error(`soak: sign-up of ${this.email} answered ${answer.status}`)
    }
    this.id = user.id
  }

  /** One operation of the mix, chosen at random (by weight). */
  async step(): Promise<void> {
    let pick = this.random() * TOTAL_WEIGHT
    let operation: Operation = 'list'
    for (const [name, weight] of MIX) {
      pick -= weight
      if (pick < 0) {
        operation = name
        break
      }
    }
    const ids = [...this.model.keys()]
    if (ids.length === 0 && operation !== 'sign-out-in') operation = 'create'
    if (ids.length >= 40 && operation === 'create') operation = 'delete'
    const target = ids[Math.floor(this.random() * ids.length)] ?? ''
    this.stats.operation(operation)
    switch (operation) {
      case 'list':
        return this.list()
      case 'create':
        return this.create()
      case 'update':
        return this.update(target)
      case 'complete':
        return this.complete(target)
      case 'delete':
        return this.remove(target)
      case 'get':
        return this.get(target)
      case 'sign-out-in':
        return this.signOutAndIn()
    }
  }

  private tasksPath(suffix = ''): string {
    return `/api/${this.id}/tasks${suffix}`
  }

  /** Every task in an answer must be this user's: anything else is a leak. */
  private inspect(answer: Answer): TaskBody[] {
    const body = answer.body as { items?: TaskBody[] } | TaskBody | null
    const tasks = body && 'items' in body && Array.isArray(body.items) ? body.items : []
    if (body && 'id' in body && 'userId' in body) tasks.push(body)
    for (const task of tasks) {
      const owner = this.owners.get(task.id)
      if (task.userId !== this.id || (owner !== undefined && owner !== this.id)) {
        this.stats.violation(`${this.email} was shown task ${task.id} of user ${task.userId}`)
      }
      if (owner === undefined) this.owners.set(task.id, task.userId)
    }
    return tasks
  }

  private expectStatus(what: string, answer: Answer, ...statuses: number[]): boolean {
    if (statuses.includes(answer.status)) return true
    // After every retry failed the outcome is counted (gaveUp); any other status is a broken promise.
    if (answer.status !== 0 && answer.status !== 429 && answer.status < 500) {
      this.stats.violation(`${this.email}: ${what} answered ${answer.status}`)
    }
    return false
  }

  private acknowledge(answer: Answer, sent: ExpectedTask): void {
    const [task] = this.inspect(answer)
    if (!task) return
    const { title, description, priority, completed } = task
    const stored = { title, description, priority, completed }
    if (JSON.stringify(stored) !== JSON.stringify(sent)) {
      this.stats.violation(`${this.email}: task ${task.id} acknowledged other values than sent`)
    }
    this.model.set(task.id, stored)
    this.unsure.delete(task.id)
  }

  private async list(): Promise<void> {
    const answer = await this.http.send('GET', this.tasksPath('?limit=50&sort=-created'))
    if (this.expectStatus('list', answer, 200)) this.inspect(answer)
  }

  private async get(id: string): Promise<void> {
    const answer = await this.http.send('GET', this.tasksPath(`/${id}`))
    if (this.expectStatus('get', answer, 200)) this.inspect(answer)
  }

  private async create(): Promise<void> {
    this.created += 1
    const sent: ExpectedTask = {
      title: `soak ${this.email.split('@')[0]} #${this.created}`,
      description: `made at ${new Date().toISOString()}`,
      priority: PRIORITIES[this.created % 3] ?? 'low',
      completed: false,
    }
    // No answer: it may have been created. Look for its unique title before creating it again.
    const readBack = async (): Promise<Answer | null> => {
      this.stats.ambiguousWrites += 1
      const search = await this.http.once(
        'GET',
        this.tasksPath(`?q=${encodeURIComponent(sent.title)}&status=all&limit=5`),
      )
      const found = this.inspect(search).find((task) => task.title === sent.title)
      return found ? { status: 201, body: found, headers: null } : null
    }
    const answer = await this.http.send('POST', this.tasksPath(), sent, readBack)
    if (this.expectStatus('create', answer, 201)) this.acknowledge(answer, sent)
  }

  private async update(id: string): Promise<void> {
    const current = this.model.get(id)
    if (!current) return
    const sent: ExpectedTask = {
      ...current,
      title: `${current.title.split(' ~')[0]} ~${Math.floor(this.random() * 1000)}`,
      priority: PRIORITIES[Math.floor(this.random() * 3)] ?? 'low',
    }
    const answer = await this.http.send('PUT', this.tasksPath(`/${id}`), sent)
    if (this.expectStatus('update', answer, 200)) this.acknowledge(answer, sent)
    else this.unsure.add(id)
  }

  private async complete(id: string): Promise<void> {
    const current = this.model.get(id)
    if (!current) return
    const sent = { ...current, completed: !current.completed }
    const answer = await this.http.send('PATCH', this.tasksPath(`/${id}/complete`), {
      completed: sent.completed,
    })
    if (this.expectStatus('complete', answer, 200)) this.acknowledge(answer, sent)
    else this.unsure.add(id)
  }

  private async remove(id: string): Promise<void> {
    let ambiguous = false
    const answer = await this.http.send('DELETE', this.tasksPath(`/${id}`), undefined, async () => {
      ambiguous = true
      this.stats.ambiguousWrites += 1
      return null
    })
    // A 404 on a resend means the lost attempt had deleted it.
    if (answer.status === 204 || (ambiguous && answer.status === 404)) {
      this.model.delete(id)
      this.unsure.delete(id)
    } else if (answer.status === 404) {
      // Judged against the fault windows at the end (SoakStats.deletesFoundGone).
      this.stats.deletesFoundGone.push({ at: Date.now(), method: 'DELETE', path: id, status: 404 })
      this.model.delete(id)
      this.unsure.delete(id)
    } else if (this.expectStatus('delete', answer, 204) === false) {
      this.unsure.add(id)
    }
  }

  async signIn(): Promise<void> {
    const answer = await this.http.send('POST', '/api/auth/login', {
      email: this.email,
      password: this.password,
    })
    if (this.expectStatus('sign-in', answer, 200)) return
    this.http.clearCookies()
  }

  private async signOutAndIn(): Promise<void> {
    const out = await this.http.send('POST', '/api/auth/logout')
    this.expectStatus('sign-out', out, 204)
    this.http.clearCookies()
    await this.signIn()
  }

  /** False when the user has no session (a sign-in gave up): the next step signs in first. */
  signedIn(): boolean {
    return this.http.hasCookies()
  }
}
