import {
  Alert,
  Badge,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  NavLink,
  Paper,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { ANSWER_TYPE_LABELS, LETTER_LABELS } from '../../../shared/requests/labels'
import {
  numberPatternSchema,
  requestSettingsPatchSchema,
  templateSaveSchema,
} from '../../../shared/requests/schemas'
import type { AnswerType, LetterTemplate, RequestSettings } from '../../../shared/requests/types'
import { api, notifySuccess } from '../../api/client'
import { useApiAction, useApiQuery } from '../../api/hooks'
import { useSession } from '../../app/app-state'
import { DetailHeader } from '../../components/DetailHeader'
import { limitOf } from '../../lib/schema-limits'

const PLACEHOLDERS =
  '{编号} {申请人} {收到日期} {申请内容} {答复日期} {法律依据} {答复内容} {救济告知} {补正事项} {补正期限} {延期天数} {原答复期限} {延期后答复期限} {延期理由} {征求对象} {意见期限} {收费方式} {收费数额} {收费说明} {缴费期限} {单位}'

function templateName(key: string): string {
  if (key.startsWith('answer.')) {
    return `答复书 · ${ANSWER_TYPE_LABELS[key.slice(7) as AnswerType]?.label ?? key}`
  }
  return LETTER_LABELS[key as keyof typeof LETTER_LABELS] ?? key
}

/** /requests/templates — the department's wording of every letter, and the register's settings. */
export function TemplatesPage() {
  const templates = useApiQuery(() => api().requests.templates({}))
  const settings = useApiQuery(() => api().requests.getSettings({}))
  const [selected, setSelected] = useState<string>('answer.disclose')
  const current = templates.data?.find((t) => t.key === selected)
  return (
    <Stack gap="md">
      <DetailHeader backTo="/requests" backLabel="返回列表" title="文书模板与设置" />
      {!templates.data ? (
        <Center h={160}>
          <Loader size="sm" aria-label="正在加载模板" />
        </Center>
      ) : (
        <Grid>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Paper withBorder p="xs">
              {templates.data.map((t) => (
                <NavLink
                  key={t.key}
                  label={templateName(t.key)}
                  active={t.key === selected}
                  onClick={() => setSelected(t.key)}
                  rightSection={t.builtIn ? null : <Badge size="xs">已修改</Badge>}
                />
              ))}
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            {current && (
              <TemplateEditor
                key={`${current.key}:${current.updatedAt ?? ''}`}
                template={current}
                onSaved={templates.reload}
              />
            )}
          </Grid.Col>
        </Grid>
      )}
      {/* Below the letters: the templates are what this page is for (their 保存 on the first screen). */}
      {settings.data && <SettingsPanel settings={settings.data} onSaved={settings.reload} />}
    </Stack>
  )
}

function TemplateEditor({ template, onSaved }: { template: LetterTemplate; onSaved: () => void }) {
  const [title, setTitle] = useState(template.title)
  const [body, setBody] = useState(template.body)
  const save = useApiAction(api().requests.saveTemplate)
  const reset = useApiAction(api().requests.resetTemplate)
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={3} fz="md">
              {templateName(template.key)}
            </Title>
            <Text fz="xs" c="dimmed">
              {template.builtIn
                ? '使用内置文本'
                : `${template.updatedByName ?? ''} 修改于 ${template.updatedAt?.slice(0, 10) ?? ''}`}
            </Text>
          </Stack>
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            {!template.builtIn && (
              <Button
                variant="default"
                loading={reset.busy}
                onClick={() =>
                  void reset
                    .run({ key: template.key })
                    .then((r) => r.ok && (notifySuccess('已恢复内置文本'), onSaved()))
                }
              >
                恢复内置文本
              </Button>
            )}
            <Button
              data-primary-action
              loading={save.busy}
              onClick={() =>
                void save
                  .run({ key: template.key, title, body })
                  .then((r) => r.ok && (notifySuccess('模板已保存'), onSaved()))
              }
            >
              保存模板
            </Button>
          </Group>
        </Group>
        <TextInput
          label="标题"
          {...limitOf(templateSaveSchema, 'title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <Textarea
          label="正文"
          description="每行一段；第一行以「：」结尾时作为称呼行。"
          autosize
          minRows={10}
          {...limitOf(templateSaveSchema, 'body')}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
        />
        <Text fz="xs" c="dimmed">
          可用占位符：{PLACEHOLDERS}
        </Text>
      </Stack>
    </Paper>
  )
}

function SettingsPanel({ settings, onSaved }: { settings: RequestSettings; onSaved: () => void }) {
  const { capabilities } = useSession()
  const isAdmin = capabilities.admin
  const [v, setV] = useState(settings)
  const update = useApiAction(api().requests.updateSettings)
  const pattern = numberPatternSchema.safeParse(v.numberPattern)
  return (
    <Paper withBorder p="md">
      <Title order={3} fz="md" mb="xs">
        登记与文书设置
      </Title>
      {!isAdmin && (
        <Alert color="gray" mb="xs" py={4}>
          只有管理员可以修改这些设置。
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label="申请编号规则"
            {...limitOf(requestSettingsPatchSchema, 'numberPattern')}
            description="{year} 为收到年份，{seq:3} 为三位序号，如 GK{year}-{seq:3} → GK2025-001"
            value={v.numberPattern}
            onChange={(e) => setV({ ...v, numberPattern: e.currentTarget.value })}
            error={pattern.success ? undefined : pattern.error.issues[0]?.message}
            disabled={!isAdmin}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label="文书落款单位"
            {...limitOf(requestSettingsPatchSchema, 'letterUnit')}
            value={v.letterUnit}
            onChange={(e) => setV({ ...v, letterUnit: e.currentTarget.value })}
            disabled={!isAdmin}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label="行政复议机关（救济告知）"
            {...limitOf(requestSettingsPatchSchema, 'reconsiderationOrgan')}
            placeholder="如：杭州市人民政府"
            value={v.reconsiderationOrgan}
            onChange={(e) => setV({ ...v, reconsiderationOrgan: e.currentTarget.value })}
            disabled={!isAdmin}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label="管辖人民法院（救济告知）"
            {...limitOf(requestSettingsPatchSchema, 'court')}
            placeholder="如：杭州市西湖区人民法院"
            value={v.court}
            onChange={(e) => setV({ ...v, court: e.currentTarget.value })}
            disabled={!isAdmin}
          />
        </Grid.Col>
      </Grid>
      {isAdmin && (
        <Group justify="flex-end" mt="sm">
          <Button
            loading={update.busy}
            disabled={!pattern.success}
            onClick={() =>
              void update.run(v).then((r) => r.ok && (notifySuccess('设置已保存'), onSaved()))
            }
          >
            保存设置
          </Button>
        </Group>
      )}
    </Paper>
  )
}
