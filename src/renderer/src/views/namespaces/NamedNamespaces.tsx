// The named network namespaces (/run/netns) and their links; those Bridgeport made can be set up or down.
import { Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Namespace } from '../../../../shared/model';
import { EngineText } from '../../i18n/EngineText';
import { LinkLine } from './LinkLine';
import { placeKey, type Place } from './link-places';

interface Props {
  namespaces: Namespace[];
  /** Names of the namespaces Bridgeport made. */
  made: ReadonlySet<string>;
  /** `placeKey`s of the interfaces Bridgeport made. */
  madeLinks: ReadonlySet<string>;
  onChanged: () => void;
}

export function NamedNamespaces({ namespaces, made, madeLinks, onChanged }: Props) {
  const { t } = useTranslation('namespaces');
  if (namespaces.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="namespaces-empty">
        {t('namedEmpty')}
      </Text>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
      {namespaces.map((ns) => (
        <Card key={ns.name} withBorder padding="sm" data-testid={`namespace-${ns.name}`}>
          <Group gap="xs" mb={4}>
            <Text fw={600} translate="no">
              {ns.name}
            </Text>
            {ns.id !== null && (
              <Text size="xs" c="dimmed">
                {t('nsid', { id: ns.id })}
              </Text>
            )}
            {made.has(ns.name) && (
              <Badge size="xs" variant="light" color="orange">
                {t('madeBadge')}
              </Badge>
            )}
          </Group>
          {ns.error && (
            <Text size="xs" c="orange">
              <EngineText text={ns.error} message={ns.errorMessage} />
            </Text>
          )}
          <Stack gap={4}>
            {ns.links.map((link) => {
              const place: Place = { kind: 'namespace', name: ns.name };
              return (
                <LinkLine
                  key={link.name}
                  link={link}
                  place={place}
                  changeable={madeLinks.has(placeKey(place, link.name))}
                  onChanged={onChanged}
                  id={`${ns.name}-${link.name}`}
                />
              );
            })}
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
