import { Alert, Center, Loader } from '@mantine/core'
import { useCallback, useState } from 'react'
import { useNavigate, useParams } from 'react-router'
import type { ItemView } from '../../../../shared/items/types'
import { api } from '../../../api/client'
import { useApiQuery } from '../../../api/hooks'
import { ItemEditor } from './ItemEditor'

/**
 * `/drafts/:id` (`new` for a new draft). A new draft keeps its editor when its first autosave
 * creates the item and the address changes to the new id.
 */
export function ItemEditorRoute() {
  const { id = 'new' } = useParams()
  const navigate = useNavigate()
  const [adopted, setAdopted] = useState<string | null>(null)
  const onCreated = useCallback(
    (view: ItemView) => {
      setAdopted(view.id)
      void navigate(`/drafts/${view.id}`, { replace: true })
    },
    [navigate],
  )
  if (id === 'new' || id === adopted) {
    return <ItemEditor key="new-draft" initial={null} onCreated={onCreated} />
  }
  return <LoadedEditor key={id} id={id} />
}

function LoadedEditor({ id }: { id: string }) {
  const item = useApiQuery(() => api().items.get({ id }), id)
  if (item.error && !item.data) {
    return (
      <Alert color="red" title="无法打开条目" maw={640}>
        {item.error.message}
      </Alert>
    )
  }
  if (!item.data) {
    return (
      <Center h={240}>
        <Loader aria-label="正在加载条目" />
      </Center>
    )
  }
  return <ItemEditor initial={item.data} onCreated={() => undefined} />
}
